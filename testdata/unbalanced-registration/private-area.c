/*
 * Objects kept in their own private area, and the I2C clients made on a
 * second address.
 *
 * 'chip = card->private_data; chip->card = card' hands the card to no
 * one: only the card reaches its private area, so a failure after it
 * must still free the card.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/netdevice.h>
#include <linux/err.h>
#include <linux/errno.h>

#define GFP_KERNEL 0
void *kzalloc(size_t size, int flags);
void kfree(const void *p);

struct snd_card {
	void *private_data;
	void (*private_free)(struct snd_card *card);
};

int snd_card_new(struct device *parent, int idx, const char *xid,
		 struct module *module, int extra_size,
		 struct snd_card **card_ret);
int snd_card_register(struct snd_card *card);
int snd_card_free(struct snd_card *card);

struct pa_chip {
	struct snd_card *card;
	struct net_device *ndev;
	int irq;
};

int pa_setup(struct pa_chip *chip);

struct pa_unit {
	struct device dev;
};

/* The card stored in its own private area: still the probe's to free. */
static int pa_card_probe(struct pa_unit *unit)
{
	struct snd_card *card;
	struct pa_chip *chip;
	int err;

	err = snd_card_new(&unit->dev, -1, NULL, THIS_MODULE, sizeof(*chip),
			   &card);
	if (err < 0)
		return err;
	chip = card->private_data;
	chip->card = card;
	err = pa_setup(chip);
	if (err < 0)
		return err;		/* expect-clang: unbalanced-registration */
	err = snd_card_register(card);
	if (err < 0)
		goto error;
	dev_set_drvdata(&unit->dev, chip);
	return 0;
error:
	snd_card_free(card);
	return err;
}

/* Every failure after snd_card_new() frees the card: no finding. */
static int pa_card_probe_ok(struct pa_unit *unit)
{
	struct snd_card *card;
	struct pa_chip *chip;
	int err;

	err = snd_card_new(&unit->dev, -1, NULL, THIS_MODULE, sizeof(*chip),
			   &card);
	if (err < 0)
		return err;
	chip = card->private_data;
	chip->card = card;
	err = pa_setup(chip);
	if (err < 0)
		goto error;
	err = snd_card_register(card);
	if (err < 0)
		goto error;
	dev_set_drvdata(&unit->dev, chip);
	return 0;
error:
	snd_card_free(card);
	return err;
}

/* Stored in another object's member: handed over, the caller's now. */
static int pa_card_handed(struct pa_unit *unit, struct pa_chip *owner)
{
	struct snd_card *card;
	int err;

	err = snd_card_new(&unit->dev, -1, NULL, THIS_MODULE, 0, &card);
	if (err < 0)
		return err;
	owner->card = card;
	err = pa_setup(owner);
	if (err < 0)
		return err;
	return snd_card_register(card);
}

/* netdev_priv(): the same for a net device. */
static int pa_net_probe(struct net_device *ndev)
{
	struct pa_chip *priv = netdev_priv(ndev);
	int err;

	err = register_netdev(ndev);
	if (err)
		return err;
	priv->ndev = ndev;
	err = pa_setup(priv);
	if (err)
		return err;		/* expect-clang: unbalanced-registration */
	return 0;
}

int pa_use(struct pa_unit *unit, struct pa_chip *owner, struct net_device *n)
{
	return pa_card_probe(unit) + pa_card_probe_ok(unit) +
	       pa_card_handed(unit, owner) + pa_net_probe(n);
}

/* I2C: a client on a second address is the probe's to unregister. */

struct pa_sensor {
	struct i2c_client *second;
};

static int pa_i2c_probe(struct i2c_client *client)
{
	struct pa_sensor *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	s->second = i2c_new_dummy_device(client->adapter, 0x39); /* expect-clang: unbalanced-registration */
	if (IS_ERR(s->second)) {
		kfree(s);
		return PTR_ERR(s->second);
	}
	i2c_set_clientdata(client, s);
	return 0;
}

static void pa_i2c_remove(struct i2c_client *client)
{
	kfree(i2c_get_clientdata(client));
}

static struct i2c_driver pa_i2c_drv = {
	.probe = pa_i2c_probe,
	.remove = pa_i2c_remove,
	.driver = { .name = "pa" },
};

module_i2c_driver(pa_i2c_drv);
MODULE_LICENSE("GPL");

/* 'rc < 0 || !card': a card left NULL was never made. */
int pa_card_null_test(struct pa_unit *unit)
{
	struct snd_card *card;
	int rc;

	rc = snd_card_new(&unit->dev, -1, NULL, THIS_MODULE, 0, &card);
	if (rc < 0 || !card)
		return -ENODEV;
	rc = snd_card_register(card);
	if (rc < 0)
		goto err;
	return 0;
err:
	snd_card_free(card);
	return rc;
}
