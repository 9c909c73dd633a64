/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_OF_IRQ_H
#define _LINUX_OF_IRQ_H

#include <linux/of.h>

typedef int (*of_irq_init_cb_t)(struct device_node *, struct device_node *);

extern void of_irq_init(const struct of_device_id *matches);

#endif
