/*
 * One object, two names: a member and the local copied to or from it, a
 * member reached through a pointer to the structure that holds it, and
 * an object whose release callback, set in a member, unregisters it.
 * Each is the same object, undone; each contrast leaves one undone.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/cdev.h>
#include <linux/netdevice.h>
#include <linux/debugfs.h>
#include <linux/errno.h>

struct al_mode {
	struct cdev *cdevs[2];
};

struct al_tape {
	struct al_mode modes[4];
};

int al_more(struct al_tape *tape);
struct cdev *al_cdev_alloc(void);

/* Stored first, then added: the label deletes it by the member. */
static int al_one_cdev(struct al_tape *tape, int mode, int rew)
{
	struct al_mode *m = &tape->modes[mode];
	struct cdev *cdev;
	int error;

	cdev = al_cdev_alloc();
	if (!cdev)
		return -ENOMEM;
	m->cdevs[rew] = cdev;
	error = cdev_add(cdev, 0, 1);
	if (error)
		goto out;
	error = al_more(tape);
	if (error)
		goto out_del;
	return 0;
out_del:
	cdev_del(m->cdevs[rew]);
out:
	m->cdevs[rew] = NULL;
	return error;
}

/* The same, with no deletion on the later failure. */
static int al_one_cdev_leak(struct al_tape *tape, int mode, int rew)
{
	struct al_mode *m = &tape->modes[mode];
	struct cdev *cdev;
	int error;

	cdev = al_cdev_alloc();
	if (!cdev)
		return -ENOMEM;
	m->cdevs[rew] = cdev;
	error = cdev_add(cdev, 0, 1);
	if (error)
		goto out;
	error = al_more(tape);
	if (error)
		goto out;
	return 0;
out:
	m->cdevs[rew] = NULL;
	return error;		/* expect: unbalanced-registration */
}

int al_cdevs(struct al_tape *tape)
{
	int err = al_one_cdev(tape, 0, 0);

	if (err)
		return err;
	err = al_one_cdev_leak(tape, 0, 1);
	if (err)
		cdev_del(tape->modes[0].cdevs[0]);
	return err;
}

/* A notifier in a structure embedded in the private data. */
struct al_iboe {
	struct notifier_block nb;
	int ports;
};

struct al_priv {
	struct al_iboe iboe;
	struct al_iboe spare;
	struct miscdevice misc;
	void (*release)(struct al_priv *priv);
	struct al_dbg *dbg;
};

struct al_dbg {
	struct dentry *dir;
};

/* Probe names the notifier through 'iboe', remove through the member. */
static int al_probe(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);
	struct al_iboe *iboe = &priv->iboe;

	return register_netdevice_notifier(&iboe->nb);
}

static void al_remove(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);

	unregister_netdevice_notifier(&priv->iboe.nb);
}

static struct platform_driver al_driver = {
	.probe = al_probe,
	.remove = al_remove,
	.driver = { .name = "al" },
};

/* Remove unregisters another object of the same type. */
static int al_probe_leak(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);
	struct al_iboe *iboe = &priv->spare;

	return register_netdevice_notifier(&iboe->nb); /* expect-clang: unbalanced-registration */
}

static void al_remove_leak(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);

	unregister_netdevice_notifier(&priv->iboe.nb);
}

/* A debugfs directory in a structure the private data points at. */
static int al_dbg_probe(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);
	struct al_dbg *dbg = priv->dbg;

	dbg->dir = debugfs_create_dir("al", NULL);
	return 0;
}

static void al_dbg_remove(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);

	debugfs_remove(priv->dbg->dir);
}

static struct platform_driver al_dbg_driver = {
	.probe = al_dbg_probe,
	.remove = al_dbg_remove,
	.driver = { .name = "al-dbg" },
};

/* The release callback a put runs undoes the misc device. */
static void al_release(struct al_priv *priv)
{
	misc_deregister(&priv->misc);
}

void al_put(struct al_priv *priv);

static int al_misc_probe(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);

	priv->release = al_release;
	return misc_register(&priv->misc);
}

static void al_misc_remove(struct platform_device *pdev)
{
	al_put(dev_get_drvdata(&pdev->dev));
}

static struct platform_driver al_misc_driver = {
	.probe = al_misc_probe,
	.remove = al_misc_remove,
	.driver = { .name = "al-misc" },
};

/* A release callback that undoes nothing. */
static void al_release_none(struct al_priv *priv)
{
	priv->release = NULL;
}

static int al_misc_probe_leak(struct platform_device *pdev)
{
	struct al_priv *priv = dev_get_drvdata(&pdev->dev);

	priv->release = al_release_none;
	return misc_register(&priv->misc);	/* expect-clang: unbalanced-registration */
}

static struct platform_driver al_misc_driver_leak = {
	.probe = al_misc_probe_leak,
	.remove = al_misc_remove,
	.driver = { .name = "al-misc-leak" },
};

/*
 * A release callback set after the register runs at the last put only:
 * a failure that returns without the put leaves the device registered
 * (drivers/media/usb/au0828/au0828-video.c), one that puts does not
 * (drivers/media/test-drivers/vivid/vivid-core.c).
 */
struct al_v4l {
	struct miscdevice misc;
	void (*release)(struct al_v4l *v);
};

void al_misc_put(struct miscdevice *misc);
int al_v4l_setup(struct al_v4l *v);

static void al_v4l_release(struct al_v4l *v)
{
	misc_deregister(&v->misc);
}

int al_v4l_create(struct al_v4l *v)
{
	int ret;

	ret = misc_register(&v->misc);
	if (ret)
		return ret;
	v->release = al_v4l_release;
	ret = al_v4l_setup(v);
	if (ret)
		return ret;	/* expect-clang: unbalanced-registration */
	ret = al_v4l_setup(v);
	if (ret) {
		al_misc_put(&v->misc);
		return ret;
	}
	return 0;
}

/*
 * A number the register returns, copied to the status tested
 * (drivers/gpu/drm/amd/amdkfd/kfd_chardev.c): the label reached when
 * the copy is negative is the register's own failure.
 */
static int al_major;
static const struct file_operations al_fops;

int al_chardev_init(void)
{
	int err;

	al_major = register_chrdev(0, "al", &al_fops);
	err = al_major;
	if (err < 0)
		goto err_register;
	err = al_more((struct al_tape *)0);
	if (err)
		goto err_more;
	return 0;
err_more:
	unregister_chrdev(al_major, "al");
err_register:
	return err;
}

/* A member copied to another structure's member after the register. */
struct al_acpi {
	void *handle;
};

struct al_therm {
	void *handle;
};

int acpi_install_notify_handler(void *handle, unsigned int type,
				void (*handler)(void *handle, unsigned int event,
						void *data),
				void *context);
void acpi_remove_notify_handler(void *handle, unsigned int type,
				void (*handler)(void *handle,
						unsigned int event, void *data));
struct al_acpi *al_companion(struct platform_device *pdev);

static void al_notify(void *handle, unsigned int event, void *data)
{
}

static int al_therm_probe(struct platform_device *pdev)
{
	struct al_acpi *adev = al_companion(pdev);
	struct al_therm *d = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = acpi_install_notify_handler(adev->handle, 1, al_notify, d);
	if (ret)
		return ret;
	d->handle = adev->handle;
	return 0;
}

static void al_therm_remove(struct platform_device *pdev)
{
	struct al_therm *d = dev_get_drvdata(&pdev->dev);

	acpi_remove_notify_handler(d->handle, 1, al_notify);
}

static struct platform_driver al_therm_driver = {
	.probe = al_therm_probe,
	.remove = al_therm_remove,
	.driver = { .name = "al-therm" },
};

/*
 * A callback in another member (a work's function, as INIT_WORK() sets
 * it) is no release: a put does not run it
 * (drivers/scsi/fcoe/fcoe.c's destroy work).
 */
struct al_worker {
	struct miscdevice misc;
	void (*func)(struct al_worker *w);
};

static void al_work(struct al_worker *w)
{
	misc_deregister(&w->misc);
}

int al_worker_create(struct al_worker *w)
{
	int ret;

	ret = misc_register(&w->misc);
	if (ret)
		return ret;
	w->func = al_work;
	ret = al_v4l_setup((struct al_v4l *)0);
	if (ret) {
		al_misc_put(&w->misc);
		return ret;	/* expect-clang: unbalanced-registration */
	}
	return 0;
}

static struct platform_driver al_driver_leak = {
	.probe = al_probe_leak,
	.remove = al_remove_leak,
	.driver = { .name = "al-leak" },
};

static int __init al_init(void)
{
	platform_driver_register(&al_therm_driver);
	platform_driver_register(&al_driver_leak);
	platform_driver_register(&al_misc_driver_leak);
	platform_driver_register(&al_misc_driver);
	platform_driver_register(&al_dbg_driver);
	return platform_driver_register(&al_driver);
}

static void __exit al_exit(void)
{
	platform_driver_unregister(&al_driver);
	platform_driver_unregister(&al_dbg_driver);
	platform_driver_unregister(&al_misc_driver);
	platform_driver_unregister(&al_misc_driver_leak);
	platform_driver_unregister(&al_driver_leak);
	platform_driver_unregister(&al_therm_driver);
}
module_init(al_init);
module_exit(al_exit);
MODULE_LICENSE("GPL");
