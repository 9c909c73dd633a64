/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rules/register-pairs.list: which call registers an object with the
 * driver core or a subsystem, which call undoes it, and which argument
 * names the object.  Shared by the checks that reason about
 * registrations (registration-flag, unbalanced-registration).
 */
#ifndef DRVLINT_REGPAIRS_H
#define DRVLINT_REGPAIRS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/rules.h"
#include "lib/strset.h"

enum reg_class {
	REG_CORE, /* driver model: drivers, devices, buses, classes, chrdev, misc */
	REG_SUBSYS, /* another subsystem's registration */
};

struct regpair {
	char *reg; /* function name after macro expansion */
	char *unreg;
	unsigned int
		reg_arg; /* 1-based argument naming the object; 0: return value */
	unsigned int unreg_arg; /* 1-based, never 0 */
	enum reg_class class;
	char *managed; /* the devm_ form, or NULL */
	/*
	 * 1-based argument of reg whose object takes this one with it when
	 * it goes (a debugfs file's directory, a device link's consumer), 0:
	 * none.
	 */
	unsigned int parent_arg;
	/*
	 * ... only when that argument is embedded in the driver's data, passed
	 * by address ('own:1' in the list): an I2C client on the driver's own
	 * adapter ('&priv->adap') goes when the driver deletes the adapter; one
	 * on the adapter it was probed on ('client->adapter') does not.
	 */
	bool parent_own;
	/*
	 * 1-based argument of reg inside whose holder the object lives (an
	 * attribute file in its device's directory: 'del:1' in the list): an
	 * unregister of that holder removes it too.  0: none.
	 */
	unsigned int holder_arg;
	unsigned int lineno;
};

struct regpairs {
	struct regpair *v;
	size_t n, cap;
	struct strset reg_names;
	struct strset unreg_names;
	/*
	 * Allocators whose object the driver core unregisters when the
	 * device goes, registered or not ('managed-alloc' lines).
	 */
	struct strset managed_allocs;
	/*
	 * Members that hold a release callback, run when the last reference
	 * goes ('release-member' lines: v4l2_device.release, private_free).
	 */
	struct strset release_members;
	/*
	 * Functions that return the private area allocated with their first
	 * argument, and members that point to it ('private-area' lines:
	 * netdev_priv(), snd_card.private_data).
	 */
	struct strset private_areas;
	/* v by (reg, unreg), first pair first: index + 1, 0 empty */
	size_t *slot;
	size_t nslot; /* a power of two, at least twice n */
};

/* Load dir/register-pairs.list; -1 with "path:line: reason" in err. */
int regpairs_load(struct regpairs *rp, const char *dir, char *err,
		  size_t errlen);
/* Read text already in memory; 'path' names it in errors. */
int regpairs_parse(struct regpairs *rp, const char *text, const char *path,
		   char *err, size_t errlen);
void regpairs_free(struct regpairs *rp);

/*
 * The prefilter's keys: every register and unregister name, and the
 * macro front end of a '__' register function (pci_register_driver() for
 * __pci_register_driver()) when the macro is not in a shared header.
 */
void regpairs_prefilter_keys(const struct regpairs *rp, struct strset *keys);
bool regpairs_is_register(const struct regpairs *rp, const char *name);
bool regpairs_is_unregister(const struct regpairs *rp, const char *name);
bool regpairs_is_managed_alloc(const struct regpairs *rp, const char *name);
bool regpairs_is_release_member(const struct regpairs *rp, const char *name);
bool regpairs_is_private_area(const struct regpairs *rp, const char *name);
/* The first pair reg/unreg, or NULL. */
const struct regpair *regpairs_find(const struct regpairs *rp, const char *reg,
				    const char *unreg);

#endif
