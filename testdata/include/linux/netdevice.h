/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/netdevice.h: registering network devices. */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H
#include <linux/device.h>

struct net_device {
	char name[16];
	struct device dev;
};

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action,
			     void *data);
	struct notifier_block *next;
	int priority;
};

struct net_device *alloc_etherdev(int sizeof_priv);
void free_netdev(struct net_device *dev);
void *netdev_priv(const struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice_notifier(struct notifier_block *nb);
int unregister_netdevice_notifier(struct notifier_block *nb);

#endif
