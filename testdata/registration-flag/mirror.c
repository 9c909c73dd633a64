/* The mirror form: a flag cleared after the unregister and tested to avoid registering twice. */
#include <linux/module.h>
#include <linux/input.h>
#include <linux/miscdevice.h>

static struct input_dev *idev;
static struct miscdevice ctl = { .name = "ctl" };

static bool idev_live;		/* expect: registration-flag */
static int ctl_up;		/* expect: registration-flag */

static void idev_suspend(void)
{
	input_unregister_device(idev);
	idev_live = false;
}

static int idev_resume(void)
{
	if (idev_live)
		return 0;
	return input_register_device(idev);
}

static void ctl_stop(void)
{
	misc_deregister(&ctl);
	ctl_up = 0;
}

static int ctl_start(void)
{
	int ret = 0;

	if (!ctl_up)
		ret = misc_register(&ctl);
	return ret;
}
