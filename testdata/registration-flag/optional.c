/*
 * Flags that record an optional registration: asked for by a module
 * parameter, made only on the machines a DMI table names, or one of two
 * alternative drivers of which either may register.  Exit cannot know
 * without the flag: not reported.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/dmi.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static bool opt_want_ctl;
module_param(opt_want_ctl, bool, 0444);
MODULE_PARM_DESC(opt_want_ctl, "Create the control device");

static struct miscdevice opt_ctl = { .name = "opt-ctl" };
static struct platform_device opt_quirk_dev = { .name = "opt-quirk" };
static struct platform_driver opt_isa_driver = { .driver = { .name = "isa" } };
static struct platform_driver opt_pnp_driver = { .driver = { .name = "pnp" } };

static const struct dmi_system_id opt_quirks[] = {
	{
		.ident = "Acme Book",
		.matches = { DMI_MATCH(DMI_SYS_VENDOR, "Acme") },
	},
	{ }
};

static bool opt_ctl_registered;
static bool opt_quirk_registered;
static int opt_isa_registered;
static int opt_pnp_registered;

/* Only when the parameter asks for it. */
static int __init opt_param_init(void)
{
	int ret;

	if (opt_want_ctl) {
		ret = misc_register(&opt_ctl);
		if (ret)
			return ret;
		opt_ctl_registered = true;
	}
	return 0;
}

static void __exit opt_param_exit(void)
{
	if (opt_ctl_registered)
		misc_deregister(&opt_ctl);
}

/* Only on the machines of the DMI table. */
static int __init opt_dmi_init(void)
{
	int ret;

	if (dmi_check_system(opt_quirks)) {
		ret = platform_device_register(&opt_quirk_dev);
		if (ret)
			return ret;
		opt_quirk_registered = true;
	}
	return 0;
}

static void __exit opt_dmi_exit(void)
{
	if (opt_quirk_registered)
		platform_device_unregister(&opt_quirk_dev);
}

/* Either of two drivers will do. */
static int __init opt_alt_init(void)
{
	int isa_err, pnp_err;

	isa_err = platform_driver_register(&opt_isa_driver);
	if (!isa_err)
		opt_isa_registered = 1;
	pnp_err = platform_driver_register(&opt_pnp_driver);
	if (!pnp_err)
		opt_pnp_registered = 1;
	if (opt_isa_registered || opt_pnp_registered)
		return 0;
	return isa_err;
}

static void __exit opt_alt_exit(void)
{
	if (opt_pnp_registered)
		platform_driver_unregister(&opt_pnp_driver);
	if (opt_isa_registered)
		platform_driver_unregister(&opt_isa_driver);
}

module_init(opt_alt_init);
module_exit(opt_alt_exit);

/* Alternatives whose status is decided after the last registration. */
static struct platform_driver opt_a_driver = { .driver = { .name = "a" } };
static struct platform_driver opt_b_driver = { .driver = { .name = "b" } };
static int opt_a_registered, opt_b_registered;

static int __init opt_ab_init(void)
{
	int err;

	err = platform_driver_register(&opt_a_driver);
	if (!err)
		opt_a_registered = 1;
	err = platform_driver_register(&opt_b_driver);
	if (!err)
		opt_b_registered = 1;
	if (opt_a_registered || opt_b_registered)
		err = 0;
	return err;
}

static void __exit opt_ab_exit(void)
{
	if (opt_b_registered)
		platform_driver_unregister(&opt_b_driver);
	if (opt_a_registered)
		platform_driver_unregister(&opt_a_driver);
}
