/*
 * Each way a flag can guard the unregister: if, else, &&, early return and
 * goto on the cleared flag.  Every registration is mandatory, and the
 * guards sit in helpers that only exit calls.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/netdevice.h>

static struct miscdevice m_if = { .name = "if" };
static struct miscdevice m_else = { .name = "else" };
static struct miscdevice m_ret = { .name = "ret" };
static struct miscdevice m_goto = { .name = "goto" };
static struct miscdevice m_and = { .name = "and" };
static struct notifier_block nb;

static bool in_if;		/* expect: registration-flag */
static bool in_else;		/* expect: registration-flag */
static bool early_ret;		/* expect: registration-flag */
static bool early_goto;		/* expect: registration-flag */
static bool in_cond_and;	/* expect: registration-flag */
static bool nb_on;		/* expect: registration-flag */
static bool verbose;

static int __init guard_init(void)
{
	int ret;

	ret = misc_register(&m_if);
	if (ret)
		return ret;
	in_if = true;
	ret = misc_register(&m_else);
	if (ret)
		goto err_if;
	in_else = true;
	ret = misc_register(&m_ret);
	if (ret)
		goto err_else;
	early_ret = true;
	ret = misc_register(&m_goto);
	if (ret)
		goto err_ret;
	early_goto = true;
	ret = misc_register(&m_and);
	if (ret)
		goto err_goto;
	in_cond_and = true;
	ret = register_netdevice_notifier(&nb);
	if (ret)
		goto err_and;
	nb_on = true;
	return 0;

err_and:
	misc_deregister(&m_and);
err_goto:
	misc_deregister(&m_goto);
err_ret:
	misc_deregister(&m_ret);
err_else:
	misc_deregister(&m_else);
err_if:
	misc_deregister(&m_if);
	return ret;
}

static void remove_if(void)
{
	if (in_if)
		misc_deregister(&m_if);
}

static void remove_else(void)
{
	if (!in_else)
		pr_info("never registered\n");
	else
		misc_deregister(&m_else);
}

static void remove_ret(void)
{
	if (!early_ret)
		return;
	pr_info("removing\n");
	misc_deregister(&m_ret);
}

static int remove_goto(void)
{
	if (early_goto == false)
		goto out;
	misc_deregister(&m_goto);
out:
	return 0;
}

static void remove_and(void)
{
	if (in_cond_and && !verbose)
		misc_deregister(&m_and);
}

static void remove_nb(void)
{
	nb_on && unregister_netdevice_notifier(&nb);
}

static void __exit guard_exit(void)
{
	remove_if();
	remove_else();
	remove_ret();
	remove_goto();
	remove_and();
	remove_nb();
}

module_init(guard_init);
module_exit(guard_exit);
