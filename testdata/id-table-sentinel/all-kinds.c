/* drvlint-flags: -DMODULE */
/* One exported table of each of the 58 id types of mod_devicetable.h; every second one lacks its sentinel. */
#include <linux/module.h>
#include <linux/mod_devicetable.h>

static const struct pci_device_id ak_pci_ids[] = {
	{
		.vendor = 0x1234,
		.device = 0x0001,
		.subvendor = PCI_ANY_ID,
		.subdevice = PCI_ANY_ID,
	},
	{ }
};
MODULE_DEVICE_TABLE(pci, ak_pci_ids);

static const struct ieee1394_device_id ak_ieee1394_ids[] = {	/* expect: id-table-sentinel */
	{ .match_flags = 0x1, .vendor_id = 0x00a0b8 },
};
MODULE_DEVICE_TABLE(ieee1394, ak_ieee1394_ids);

static const struct usb_device_id ak_usb_ids[] = {
	{ .match_flags = 0x3, .idVendor = 0x1234, .idProduct = 0x0001 },
	{ }
};
MODULE_DEVICE_TABLE(usb, ak_usb_ids);

static const struct hid_device_id ak_hid_ids[] = {	/* expect: id-table-sentinel */
	{ .bus = 0x03, .vendor = 0x1234, .product = 0x0001 },
};
MODULE_DEVICE_TABLE(hid, ak_hid_ids);

static const struct ccw_device_id ak_ccw_ids[] = {
	{ .match_flags = CCW_DEVICE_ID_MATCH_CU_TYPE, .cu_type = 0x3088 },
	{ }
};
MODULE_DEVICE_TABLE(ccw, ak_ccw_ids);

static const struct ap_device_id ak_ap_ids[] = {	/* expect: id-table-sentinel */
	{ .match_flags = AP_DEVICE_ID_MATCH_CARD_TYPE, .dev_type = 10 },
};
MODULE_DEVICE_TABLE(ap, ak_ap_ids);

static const struct css_device_id ak_css_ids[] = {
	{ .match_flags = 0x1, .type = 0 },
	{ }
};
MODULE_DEVICE_TABLE(css, ak_css_ids);

static const struct acpi_device_id ak_acpi_ids[] = {	/* expect: id-table-sentinel */
	{ "ACME0001", 0 },
};
MODULE_DEVICE_TABLE(acpi, ak_acpi_ids);

static const struct pnp_device_id ak_pnp_ids[] = {
	{ .id = "PNP0501" },
	{ }
};
MODULE_DEVICE_TABLE(pnp, ak_pnp_ids);

static const struct pnp_card_device_id ak_pnp_card_ids[] = {	/* expect: id-table-sentinel */
	{ .id = "ACM0001", .devs = { { "ACM0002" } } },
};
MODULE_DEVICE_TABLE(pnp_card, ak_pnp_card_ids);

static const struct serio_device_id ak_serio_ids[] = {
	{
		.type = 0x01,
		.extra = SERIO_ANY,
		.id = SERIO_ANY,
		.proto = SERIO_ANY,
	},
	{ }
};
MODULE_DEVICE_TABLE(serio, ak_serio_ids);

static const struct hda_device_id ak_hda_ids[] = {	/* expect: id-table-sentinel */
	{ .vendor_id = 0x10ec0269, .name = "ALC269" },
};
MODULE_DEVICE_TABLE(hdaudio, ak_hda_ids);

static const struct sdw_device_id ak_sdw_ids[] = {
	{ .mfg_id = 0x025d, .part_id = 0x0711 },
	{ }
};
MODULE_DEVICE_TABLE(sdw, ak_sdw_ids);

static const struct of_device_id ak_of_ids[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,all-kinds" },
};
MODULE_DEVICE_TABLE(of, ak_of_ids);

static const struct vio_device_id ak_vio_ids[] = {
	{ .type = "network", .compat = "IBM,l-lan" },
	{ }
};
MODULE_DEVICE_TABLE(vio, ak_vio_ids);

static const struct pcmcia_device_id ak_pcmcia_ids[] = {	/* expect: id-table-sentinel */
	{
		.match_flags = PCMCIA_DEV_ID_MATCH_MANF_ID | PCMCIA_DEV_ID_MATCH_CARD_ID,
		.manf_id = 0x0101,
		.card_id = 0x0562,
	},
};
MODULE_DEVICE_TABLE(pcmcia, ak_pcmcia_ids);

static const struct input_device_id ak_input_ids[] = {
	{ .flags = INPUT_DEVICE_ID_MATCH_BUS, .bustype = 0x03 },
	{ }
};
MODULE_DEVICE_TABLE(input, ak_input_ids);

static const struct eisa_device_id ak_eisa_ids[] = {	/* expect: id-table-sentinel */
	{ .sig = "ACM0001" },
};
MODULE_DEVICE_TABLE(eisa, ak_eisa_ids);

static const struct parisc_device_id ak_parisc_ids[] = {
	{
		.hw_type = 0x1,
		.hversion_rev = 0xff,
		.hversion = 0xffff,
		.sversion = 0x0008d,
	},
	{ }
};
MODULE_DEVICE_TABLE(parisc, ak_parisc_ids);

static const struct sdio_device_id ak_sdio_ids[] = {	/* expect: id-table-sentinel */
	{ .vendor = 0x02d0, .device = 0x4329 },
};
MODULE_DEVICE_TABLE(sdio, ak_sdio_ids);

static const struct ssb_device_id ak_ssb_ids[] = {
	{ .vendor = 0x4243, .coreid = 0x812, .revision = SSB_ANY_REV },
	{ }
};
MODULE_DEVICE_TABLE(ssb, ak_ssb_ids);

static const struct bcma_device_id ak_bcma_ids[] = {	/* expect: id-table-sentinel */
	{
		.manuf = 0x4bf,
		.id = 0x812,
		.rev = BCMA_ANY_REV,
		.class = BCMA_ANY_CLASS,
	},
};
MODULE_DEVICE_TABLE(bcma, ak_bcma_ids);

static const struct virtio_device_id ak_virtio_ids[] = {
	{ .device = 1, .vendor = VIRTIO_DEV_ANY_ID },
	{ }
};
MODULE_DEVICE_TABLE(virtio, ak_virtio_ids);

static const struct hv_vmbus_device_id ak_hv_vmbus_ids[] = {	/* expect: id-table-sentinel */
	{
		.guid = { .b = {
			0x63, 0x51, 0x61, 0xf8, 0x3e, 0xdf, 0xc5, 0x46,
			0x91, 0x3f, 0xf2, 0xd2, 0xf9, 0x65, 0xed, 0x0e,
		} },
	},
};
MODULE_DEVICE_TABLE(vmbus, ak_hv_vmbus_ids);

static const struct rpmsg_device_id ak_rpmsg_ids[] = {
	{ .name = "rpmsg-acme" },
	{ }
};
MODULE_DEVICE_TABLE(rpmsg, ak_rpmsg_ids);

static const struct i2c_device_id ak_i2c_ids[] = {	/* expect: id-table-sentinel */
	{ "acme-i2c", 0 },
};
MODULE_DEVICE_TABLE(i2c, ak_i2c_ids);

static const struct pci_epf_device_id ak_pci_epf_ids[] = {
	{ .name = "pci_epf_acme" },
	{ }
};
MODULE_DEVICE_TABLE(pci_epf, ak_pci_epf_ids);

static const struct i3c_device_id ak_i3c_ids[] = {	/* expect: id-table-sentinel */
	{
		.match_flags = I3C_MATCH_MANUF | I3C_MATCH_PART,
		.manuf_id = 0x105,
		.part_id = 0x1,
	},
};
MODULE_DEVICE_TABLE(i3c, ak_i3c_ids);

static const struct spi_device_id ak_spi_ids[] = {
	{ "acme-spi", 0 },
	{ }
};
MODULE_DEVICE_TABLE(spi, ak_spi_ids);

static const struct slim_device_id ak_slim_ids[] = {	/* expect: id-table-sentinel */
	{ .manf_id = 0x217, .prod_code = 0x250 },
};
MODULE_DEVICE_TABLE(slim, ak_slim_ids);

static const struct apr_device_id ak_apr_ids[] = {
	{ .name = "acme-apr", .domain_id = 4, .svc_id = 3 },
	{ }
};
MODULE_DEVICE_TABLE(apr, ak_apr_ids);

static const struct spmi_device_id ak_spmi_ids[] = {	/* expect: id-table-sentinel */
	{ .name = "acme-spmi" },
};
MODULE_DEVICE_TABLE(spmi, ak_spmi_ids);

static const struct dmi_system_id ak_dmi_ids[] = {
	{ .ident = "Acme", .matches = { DMI_MATCH(DMI_SYS_VENDOR, "Acme") } },
	{ }
};
MODULE_DEVICE_TABLE(dmi, ak_dmi_ids);

static const struct platform_device_id ak_platform_ids[] = {	/* expect: id-table-sentinel */
	{ .name = "acme-platform" },
};
MODULE_DEVICE_TABLE(platform, ak_platform_ids);

static const struct mdio_device_id ak_mdio_ids[] = {
	{ .phy_id = 0x001cc916, .phy_id_mask = 0x001fffff },
	{ }
};
MODULE_DEVICE_TABLE(mdio, ak_mdio_ids);

static const struct zorro_device_id ak_zorro_ids[] = {	/* expect: id-table-sentinel */
	{ .id = 0x08370000 },
};
MODULE_DEVICE_TABLE(zorro, ak_zorro_ids);

static const struct isapnp_device_id ak_isapnp_ids[] = {
	{
		.card_vendor = ISAPNP_ANY_ID,
		.card_device = ISAPNP_ANY_ID,
		.vendor = 0x1234,
		.function = 0x0001,
	},
	{ }
};
MODULE_DEVICE_TABLE(isapnp, ak_isapnp_ids);

static const struct amba_id ak_amba_ids[] = {	/* expect: id-table-sentinel */
	{ .id = 0x00041080, .mask = 0x000fffff },
};
MODULE_DEVICE_TABLE(amba, ak_amba_ids);

static const struct mips_cdmm_device_id ak_mips_cdmm_ids[] = {
	{ .type = 0xa0 },
	{ }
};
MODULE_DEVICE_TABLE(mipscdmm, ak_mips_cdmm_ids);

static const struct x86_cpu_id ak_x86_cpu_ids[] = {	/* expect: id-table-sentinel */
	{ .vendor = X86_VENDOR_ANY, .family = 6, .flags = 1 },
};
MODULE_DEVICE_TABLE(x86cpu, ak_x86_cpu_ids);

static const struct ipack_device_id ak_ipack_ids[] = {
	{ .format = 0x1, .vendor = 0xf0, .device = 0x22 },
	{ }
};
MODULE_DEVICE_TABLE(ipack, ak_ipack_ids);

static const struct mei_cl_device_id ak_mei_cl_ids[] = {	/* expect: id-table-sentinel */
	{ .name = "acme-mei", .version = MEI_CL_VERSION_ANY },
};
MODULE_DEVICE_TABLE(mei, ak_mei_cl_ids);

static const struct rio_device_id ak_rio_ids[] = {
	{
		.did = 0x1,
		.vid = 0x38,
		.asm_did = RIO_ANY_ID,
		.asm_vid = RIO_ANY_ID,
	},
	{ }
};
MODULE_DEVICE_TABLE(rapidio, ak_rio_ids);

static const struct mcb_device_id ak_mcb_ids[] = {	/* expect: id-table-sentinel */
	{ .device = 0x1d },
};
MODULE_DEVICE_TABLE(mcb, ak_mcb_ids);

static const struct ulpi_device_id ak_ulpi_ids[] = {
	{ .vendor = 0x0451, .product = 0x1507 },
	{ }
};
MODULE_DEVICE_TABLE(ulpi, ak_ulpi_ids);

static const struct fsl_mc_device_id ak_fsl_mc_ids[] = {	/* expect: id-table-sentinel */
	{ .vendor = 0x1957, .obj_type = "dpni" },
};
MODULE_DEVICE_TABLE(fslmc, ak_fsl_mc_ids);

static const struct tb_service_id ak_tb_service_ids[] = {
	{ .match_flags = TBSVC_MATCH_PROTOCOL_KEY, .protocol_key = "network" },
	{ }
};
MODULE_DEVICE_TABLE(tbsvc, ak_tb_service_ids);

static const struct typec_device_id ak_typec_ids[] = {	/* expect: id-table-sentinel */
	{ .svid = 0xff01, .mode = TYPEC_ANY_MODE },
};
MODULE_DEVICE_TABLE(typec, ak_typec_ids);

static const struct tee_client_device_id ak_tee_client_ids[] = {
	{
		.uuid = { .b = {
			0xf0, 0x4a, 0x0f, 0xe7, 0x90, 0x38, 0x4d, 0x9c,
			0x8d, 0x3a, 0x5c, 0x3b, 0x51, 0x7f, 0x24, 0x9e,
		} },
	},
	{ }
};
MODULE_DEVICE_TABLE(tee, ak_tee_client_ids);

static const struct wmi_device_id ak_wmi_ids[] = {	/* expect: id-table-sentinel */
	{ .guid_string = "05901221-D566-11D1-B2F0-00A0C9062910" },
};
MODULE_DEVICE_TABLE(wmi, ak_wmi_ids);

static const struct mhi_device_id ak_mhi_ids[] = {
	{ .chan = "IP_SW0" },
	{ }
};
MODULE_DEVICE_TABLE(mhi, ak_mhi_ids);

static const struct auxiliary_device_id ak_auxiliary_ids[] = {	/* expect: id-table-sentinel */
	{ .name = "acme.aux" },
};
MODULE_DEVICE_TABLE(auxiliary, ak_auxiliary_ids);

static const struct ssam_device_id ak_ssam_ids[] = {
	{
		.match_flags = SSAM_MATCH_TARGET,
		.domain = 0x01,
		.category = 0x02,
		.target = 0x01,
	},
	{ }
};
MODULE_DEVICE_TABLE(ssam, ak_ssam_ids);

static const struct dfl_device_id ak_dfl_ids[] = {	/* expect: id-table-sentinel */
	{ .type = 0, .feature_id = 0x6 },
};
MODULE_DEVICE_TABLE(dfl, ak_dfl_ids);

static const struct ishtp_device_id ak_ishtp_ids[] = {
	{
		.guid = { .b = {
			0x1f, 0x05, 0x0e, 0x33, 0xb1, 0x21, 0x1b, 0x4d,
			0x8c, 0x1f, 0x68, 0x41, 0x0d, 0x5c, 0x3e, 0x8a,
		} },
	},
	{ }
};
MODULE_DEVICE_TABLE(ishtp, ak_ishtp_ids);

static const struct cdx_device_id ak_cdx_ids[] = {	/* expect: id-table-sentinel */
	{ .vendor = 0x10ee, .device = 0x8084 },
};
MODULE_DEVICE_TABLE(cdx, ak_cdx_ids);

static const struct vchiq_device_id ak_vchiq_ids[] = {
	{ .name = "bcm2835-audio" },
	{ }
};
MODULE_DEVICE_TABLE(vchiq, ak_vchiq_ids);

static const struct coreboot_device_id ak_coreboot_ids[] = {	/* expect: id-table-sentinel */
	{ .tag = 0x10 },
};
MODULE_DEVICE_TABLE(coreboot, ak_coreboot_ids);

MODULE_LICENSE("GPL");
