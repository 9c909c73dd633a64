/*
 * A teardown helper whose one unregister runs in a loop over every
 * object a manager holds (sound/pci/mixart/mixart.c's snd_mixart_free()
 * frees each chip's card): calling it undoes whatever of the pair the
 * caller registered, although the objects are stored by another helper.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/errno.h>

struct tl_chip {
	struct miscdevice misc;
};

struct tl_mgr {
	struct tl_chip *chip[4];
	int n;
};

int tl_chip_create(struct tl_mgr *mgr, int i, struct tl_chip **chip);
int tl_more(struct tl_mgr *mgr);

static void tl_free_all(struct tl_mgr *mgr)
{
	int i;

	for (i = 0; i < mgr->n; i++)
		if (mgr->chip[i])
			misc_deregister(&mgr->chip[i]->misc);
}

int tl_probe_all(struct tl_mgr *mgr)
{
	struct tl_chip *chip;
	int i, err;

	for (i = 0; i < 4; i++) {
		err = tl_chip_create(mgr, i, &chip);
		if (err) {
			tl_free_all(mgr);
			return err;
		}
		err = misc_register(&chip->misc);
		if (err) {
			tl_free_all(mgr);
			return err;
		}
	}
	if (tl_more(mgr)) {
		tl_free_all(mgr);
		return -EIO;
	}
	return 0;
}

/* The same without the teardown on the last failure. */
int tl_probe_leak(struct tl_mgr *mgr)
{
	struct tl_chip *chip;
	int err;

	err = tl_chip_create(mgr, 0, &chip);
	if (err)
		return err;
	err = misc_register(&chip->misc);
	if (err)
		return err;
	if (tl_more(mgr))
		return -EIO;		/* expect: unbalanced-registration */
	return 0;
}
MODULE_LICENSE("GPL");
