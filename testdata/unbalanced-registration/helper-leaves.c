/*
 * A function of the file that leaves objects registered when it succeeds
 * is a register function for its callers: after a successful call, their
 * failures must undo what it left, by an unregister or by a teardown of
 * the file (drivers/platform/x86/sony-laptop.c: sony_pf_add() registers
 * a platform driver and device, sony_pf_remove() undoes both).  What it
 * leaves on a failure of its own is its own to undo.  Only what every
 * successful return leaves counts.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_driver hl_pf_driver = { .driver = { .name = "hl" } };
static struct platform_device *hl_pf_device;
static int hl_users;

int hl_setup(void);

static int hl_pf_add(void)
{
	int ret;

	hl_users++;
	ret = platform_driver_register(&hl_pf_driver);
	if (ret)
		goto out;
	hl_pf_device = platform_device_alloc("hl", -1);
	if (!hl_pf_device) {
		ret = -ENOMEM;
		goto out_driver;
	}
	ret = platform_device_add(hl_pf_device);
	if (ret)
		goto out_put;
	return 0;

out_put:
	platform_device_put(hl_pf_device);
out_driver:
	platform_driver_unregister(&hl_pf_driver);
out:
	hl_users--;
	return ret;
}

static void hl_pf_remove(void)
{
	if (--hl_users)
		return;
	platform_device_unregister(hl_pf_device);
	platform_driver_unregister(&hl_pf_driver);
}

/* A failure after the helper succeeded leaves both registered. */
static int hl_attach(void)
{
	int ret = hl_pf_add();

	if (ret)
		return ret;
	ret = hl_setup();
	if (ret)
		return ret;		/* expect-clang: unbalanced-registration */
	return 0;
}

/* The teardown of the file undoes both: no finding. */
static int hl_attach_ok(void)
{
	int ret = hl_pf_add();

	if (ret)
		return ret;
	ret = hl_setup();
	if (ret)
		goto out_remove;
	return 0;

out_remove:
	hl_pf_remove();
	return ret;
}

/* The call tested directly: its failure owes nothing. */
static int hl_attach_test(void)
{
	if (hl_pf_add())
		return -ENODEV;
	if (hl_setup())
		return -EIO;		/* expect-clang: unbalanced-registration */
	return 0;
}

/*
 * Registered on some successful returns only (already there for another
 * user, sony_pf_add()'s count): the helper is no register function.
 */
static struct platform_driver hl_shared_driver = { .driver = { .name = "hs" } };
static struct platform_driver hl_shared_aux = { .driver = { .name = "hsa" } };
static int hl_shared_users;

static int hl_shared_add(void)
{
	int ret;

	if (hl_shared_users++)
		return 0;
	ret = platform_driver_register(&hl_shared_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&hl_shared_aux);
	if (ret)
		platform_driver_unregister(&hl_shared_driver);
	return ret;
}

static int hl_attach_shared(void)
{
	int ret = hl_shared_add();

	if (ret)
		return ret;
	ret = hl_setup();
	if (ret)
		return ret;
	return 0;
}

/* A function that passes the helper's status on leaves the same. */
static int hl_stack(void)
{
	return hl_pf_add();
}

static int hl_attach_stacked(void)
{
	int ret = hl_stack();

	if (ret)
		return ret;
	ret = hl_setup();
	if (ret)
		return ret;		/* expect-clang: unbalanced-registration */
	return 0;
}

int hl_use(void)
{
	return hl_attach() + hl_attach_ok() + hl_attach_test() +
	       hl_attach_stacked() + hl_attach_shared();
}

static void __exit hl_exit(void)
{
	hl_pf_remove();
}
module_exit(hl_exit);
MODULE_LICENSE("GPL");
