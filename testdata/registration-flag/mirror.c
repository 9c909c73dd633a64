/*
 * The mirror form: a flag cleared after the unregister and tested to avoid
 * registering twice.  The objects come and go at run time (suspend and
 * resume, an interface callers may repeat): the flag is real state, not a
 * copy of a registration init made once.  Not reported.
 */
#include <linux/module.h>
#include <linux/input.h>
#include <linux/miscdevice.h>

static struct input_dev *idev;
static struct miscdevice ctl = { .name = "ctl" };

static bool idev_live;
static int ctl_up;

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
