/* drvlint-flags: -DMODULE */
/* Entries written with macros: PCI_DEVICE() and friends are non-zero entries, a macro that expands to { } is a sentinel. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/usb.h>
#include <asm/cpu_device_id.h>
#include <pcmcia/device_id.h>

/* The last entry is a macro entry: no sentinel. */
static const struct pci_device_id me_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x10ec, 0x8168) },
	{ PCI_DEVICE_DATA(REDHAT, TEST, 1) },
};
MODULE_DEVICE_TABLE(pci, me_pci_ids);

/* Even with zero arguments PCI_DEVICE() sets the sub-ids to PCI_ANY_ID. */
static const struct pci_device_id me_pci_any[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x10ec, 0x8169) },
	{ PCI_DEVICE(0, 0) },
};
MODULE_DEVICE_TABLE(pci, me_pci_any);

static const struct pci_device_id me_pci_ids_ok[] = {
	{ PCI_VDEVICE(INTEL, 0x15b7), 0 },
	{ PCI_DEVICE_SUB(0x8086, 0x15b8, 0x17aa, 0x2247) },
	{ }
};
MODULE_DEVICE_TABLE(pci, me_pci_ids_ok);

/* Whole entries built by a macro, braces included. */
static const struct ssb_device_id me_ssb_ids[] = {	/* expect: id-table-sentinel */
	SSB_DEVICE(0x4243, 0x0812, SSB_ANY_REV),
	SSB_DEVICE(0x4243, 0x0806, SSB_ANY_REV),
};
MODULE_DEVICE_TABLE(ssb, me_ssb_ids);

static const struct bcma_device_id me_bcma_ids[] = {
	BCMA_CORE(0x4BF, 0x812, BCMA_ANY_REV, BCMA_ANY_CLASS),
	{ },
};
MODULE_DEVICE_TABLE(bcma, me_bcma_ids);

/* The sentinel comes from a macro: after preprocessing it is { 0, }. */
#define ME_DEVTABLE_END		{ 0, },

static const struct ssb_device_id me_ssb_ids_ok[] = {
	SSB_DEVICE(0x4243, 0x0812, SSB_ANY_REV),
	ME_DEVTABLE_END
};
MODULE_DEVICE_TABLE(ssb, me_ssb_ids_ok);

/* A macro that writes the whole body, sentinel included. */
#define ME_USB_IDS							\
	{ USB_DEVICE(0x0bda, 0x2838) },					\
	{ USB_DEVICE(0x0bda, 0x2832) },					\
	{ }

static const struct usb_device_id me_usb_ids_ok[] = {
	ME_USB_IDS
};
MODULE_DEVICE_TABLE(usb, me_usb_ids_ok);

/* A macro that writes the body without one. */
#define ME_USB_IDS_BARE							\
	{ USB_DEVICE(0x0bda, 0x2838) },					\
	{ USB_DEVICE(0x0bda, 0x2832) }

static const struct usb_device_id me_usb_ids[] = {	/* expect: id-table-sentinel */
	ME_USB_IDS_BARE
};
MODULE_DEVICE_TABLE(usb, me_usb_ids);

/* X86_MATCH_*() entries set the valid flag; they are never a sentinel. */
static const struct x86_cpu_id me_cpu_ids[] = {	/* expect: id-table-sentinel */
	X86_MATCH_FEATURE(X86_FEATURE_HYPERVISOR, NULL),
};
MODULE_DEVICE_TABLE(x86cpu, me_cpu_ids);

static const struct x86_cpu_id me_cpu_ids_ok[] = {
	X86_MATCH_VENDOR_FAM(AMD, 0x17, NULL),
	{}
};
MODULE_DEVICE_TABLE(x86cpu, me_cpu_ids_ok);

/* The sentinel is a macro of a header: Coccinelle runs without headers and
 * does not report what it cannot expand. */
static const struct pcmcia_device_id me_pcmcia_ids_ok[] = {
	PCMCIA_DEVICE_MANF_CARD(0x0137, 0x0003),
	PCMCIA_DEVICE_NULL
};
MODULE_DEVICE_TABLE(pcmcia, me_pcmcia_ids_ok);

static const struct pcmcia_device_id me_pcmcia_ids_ok2[] = {
	PCMCIA_DEVICE_MANF_CARD(0x0137, 0x0005),
	{ TESTDATA_PCMCIA_END, }
};
MODULE_DEVICE_TABLE(pcmcia, me_pcmcia_ids_ok2);

/* A header's list without a sentinel: only the preprocessor shows it. */
static const struct pcmcia_device_id me_pcmcia_ids[] = {	/* expect-clang: id-table-sentinel */
	TESTDATA_PCMCIA_IDS
};
MODULE_DEVICE_TABLE(pcmcia, me_pcmcia_ids);

MODULE_LICENSE("GPL");
