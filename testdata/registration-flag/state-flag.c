/* State flags not tied to a register call: open/enabled/suspended states and registration objects tested directly. */
#include <linux/module.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/platform_device.h>
#include <linux/input.h>

struct st_priv {
	struct input_dev *input;
	struct platform_device *child;
	bool opened;
	bool enabled;
	int major;
};

static const struct file_operations st_fops;
static struct st_priv st;

int clk_enable(void);
void clk_disable(void);
void input_close(struct input_dev *dev);

static int st_open(void)
{
	st.opened = true;
	return 0;
}

static int st_probe(struct platform_device *pdev)
{
	int ret;

	(void)pdev;
	ret = input_register_device(st.input);
	if (ret)
		return ret;
	if (!clk_enable())
		st.enabled = true;	/* after a clock, not a registration */
	st.major = register_chrdev(0, "st", &st_fops);
	if (st.major < 0)
		return st.major;
	st.child = platform_device_register_simple("st-child", -1, NULL, 0);
	return 0;
}

static void st_remove(struct platform_device *pdev)
{
	(void)pdev;
	/* The object itself, not a flag. */
	if (!IS_ERR_OR_NULL(st.child))
		platform_device_unregister(st.child);
	/* The major is the object's identity, not a true value. */
	if (st.major > 0)
		unregister_chrdev(st.major, "st");
	if (st.enabled)
		clk_disable();
	/* Set by open(), not after the registration. */
	if (st.opened)
		input_close(st.input);
	input_unregister_device(st.input);
}

static struct platform_driver st_driver = {
	.probe = st_probe,
	.remove = st_remove,
	.driver = { .name = "st" },
};
module_platform_driver(st_driver);
