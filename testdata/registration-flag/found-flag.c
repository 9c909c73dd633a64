/*
 * A local that records whether a device was found while probing
 * addresses, tested to fail init when none was: not registration state.
 */
#include <linux/module.h>
#include <linux/platform_device.h>

static struct platform_driver ff_driver = { .driver = { .name = "ff" } };
static struct platform_device *ff_pdev[2];

static int ff_find(int addr)
{
	return addr & 1 ? -ENODEV : 0;
}

static int ff_device_add(int i)
{
	int err;

	ff_pdev[i] = platform_device_alloc("ff", i);
	if (!ff_pdev[i])
		return -ENOMEM;
	err = platform_device_add(ff_pdev[i]);
	if (err)
		platform_device_put(ff_pdev[i]);
	return err;
}

static int __init ff_init(void)
{
	static const int addrs[2] = { 0x2e, 0x4e };
	bool found = false;
	int i, err;

	err = platform_driver_register(&ff_driver);
	if (err)
		return err;

	for (i = 0; i < 2; i++) {
		if (ff_find(addrs[i]))
			continue;
		err = ff_device_add(i);
		if (err)
			goto exit_dev_unregister;
		found = true;
	}

	if (!found) {
		err = -ENODEV;
		goto exit_unregister;
	}
	return 0;

exit_dev_unregister:
	platform_device_unregister(ff_pdev[0]);
exit_unregister:
	platform_driver_unregister(&ff_driver);
	return err;
}

static void __exit ff_exit(void)
{
	platform_device_unregister(ff_pdev[1]);
	platform_device_unregister(ff_pdev[0]);
	platform_driver_unregister(&ff_driver);
}

module_init(ff_init);
module_exit(ff_exit);
