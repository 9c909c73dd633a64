/*
 * An object made under a parent that takes it along when it goes (a
 * debugfs file in a directory) is its parent's to undo: dropping its
 * handle or leaving it on an error path is no finding.  Without a
 * parent, the same handle dropped is lost for good.
 */
#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/i2c.h>
#include <linux/err.h>
#include <linux/errno.h>

struct p_priv {
	struct dentry *dir;
	int value;
};

int p_check(struct p_priv *priv);

/* Files in priv->dir, removed with it: no finding. */
static int p_debugfs_files(struct p_priv *priv)
{
	struct dentry *file;

	file = debugfs_create_file("value", 0444, priv->dir, priv, NULL);
	if (!file)
		return -ENOMEM;
	if (p_check(priv))
		return -EINVAL;
	return 0;
}

/* A directory at the top of debugfs, its only handle dropped. */
static void p_debugfs_top(void)
{
	struct dentry *top;

	top = debugfs_create_dir("p-top", NULL);
	if (!top)
		pr_err("no directory\n");
}						/* expect-clang: unbalanced-registration */

int p_setup(struct p_priv *priv)
{
	p_debugfs_top();
	return p_debugfs_files(priv);
}
MODULE_LICENSE("GPL");

/*
 * An I2C client on the driver's own adapter, embedded in its data, goes
 * when the driver deletes the adapter: its handle may be dropped.  One on
 * the adapter the driver was probed on is lost for good.
 */
struct p_card {
	struct i2c_adapter adap;
};

void p_ir_init(struct p_card *card)
{
	struct i2c_board_info info = { .addr = 0x4b };
	struct i2c_client *ir = i2c_new_client_device(&card->adap, &info);

	if (IS_ERR(ir))
		return;
}

void p_ir_init_lost(struct i2c_client *client)
{
	struct i2c_board_info info = { .addr = 0x4b };
	struct i2c_client *ir = i2c_new_client_device(client->adapter, &info);

	if (IS_ERR(ir))
		return;
}				/* expect-clang: unbalanced-registration */
