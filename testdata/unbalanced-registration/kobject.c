/*
 * kobject_put() drops the reference a kobject_add() took and deletes
 * the kobject when it was added: it undoes kobject_add(), it is owed
 * after a kobject_add() that failed, and it follows kobject_del().
 */
#include <linux/module.h>
#include <linux/sysfs.h>
#include <linux/errno.h>

struct ko_priv {
	struct kobject kobj;
};

int ko_fill(struct ko_priv *p);

int ko_add(struct ko_priv *p, struct kobject *parent)
{
	int ret;

	ret = kobject_add(&p->kobj, parent, "ko");
	if (ret) {
		kobject_put(&p->kobj);	/* owed after a failed add */
		return ret;
	}
	ret = ko_fill(p);
	if (ret) {
		kobject_put(&p->kobj);	/* deletes it too */
		return ret;
	}
	return 0;
}

void ko_remove(struct ko_priv *p)
{
	kobject_del(&p->kobj);
	kobject_put(&p->kobj);	/* not a second unregister */
}

int ko_leaky(struct ko_priv *p, struct kobject *parent)
{
	int ret;

	ret = kobject_add(&p->kobj, parent, "leak");
	if (ret)
		return ret;
	if (ko_fill(p))
		return -EIO;	/* expect-clang: unbalanced-registration */
	return 0;
}
MODULE_LICENSE("GPL");
