// SPDX-License-Identifier: GPL-2.0-only
/// Find private registration flags
///
/// A driver that keeps its own boolean recording whether a register call
/// succeeded, and tests it before the matching unregister, duplicates state
/// that the driver core (or the subsystem) already keeps.  The flag is racy
/// and hides a broken init/exit or probe/remove structure: unwind a failed
/// registration with goto labels on the error path, and unregister
/// unconditionally in exit/remove, or use the managed (devm_) form.
///
/// The flag is reported where it is declared in the file, else where it is
/// set.  There is no automatic fix: the right structure depends on the code.
//
// The register/unregister pairs are a representative subset of drvlint's
// rules/register-pairs.list, named as the source calls them (before macro
// expansion: pci_register_driver, not __pci_register_driver).
//
// Confidence: Moderate
// Copyright: drvlint contributors
// Options: --no-includes --include-headers
// Keywords: registered, register, unregister, flag

// No patch mode rule: "virtual patch" only lets MODE=patch run over
// every script.
virtual patch
virtual context
virtual org
virtual report

// Set after an int-returning register call succeeded.
// Files that call no register function, or no unregister function, are
// skipped: the names are spelled out for spatch's file filter.
// Two rules where one would do, for speed: the first finds the calls
// (a set of names is one pattern), the second names them again as a
// disjunction, only at the calls the first found, so that spatch
// skips the files that name none of them (a disjunction of names is
// one pattern per name, each tried on every expression).
@tokrf@
identifier f = {driver_register, bus_register, class_register,
	device_register, device_add, platform_driver_register,
	platform_driver_probe, platform_register_drivers,
	platform_device_register, platform_device_add, register_chrdev,
	register_chrdev_region, alloc_chrdev_region, cdev_add, cdev_device_add,
	misc_register, pci_register_driver, i2c_add_driver,
	spi_register_driver, usb_register, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port, acpi_bus_register_driver,
	pnp_register_driver, isa_register_driver, auxiliary_driver_register,
	input_register_device, input_register_handler, register_netdev,
	register_netdevice_notifier, register_reboot_notifier,
	register_pm_notifier, blocking_notifier_chain_register,
	atomic_notifier_chain_register, led_classdev_register, i2c_add_adapter,
	i2c_add_numbered_adapter, watchdog_register_device, rfkill_register,
	hwrng_register, tty_register_driver, uart_register_driver,
	register_framebuffer, iio_device_register, gpiochip_add_data,
	snd_soc_register_component, crypto_register_alg, class_create,
	device_create, platform_device_register_simple,
	platform_device_register_data, platform_device_register_full,
	platform_device_register_resndata, i2c_new_client_device,
	hwmon_device_register_with_info, hwmon_device_register_with_groups,
	backlight_device_register, power_supply_register};
position p;
@@

f(...)@p

@tokr@
position tokrf.p;
@@

\(driver_register\|bus_register\|class_register\|device_register\|
	device_add\|platform_driver_register\|platform_driver_probe\|
	platform_register_drivers\|platform_device_register\|
	platform_device_add\|register_chrdev\|register_chrdev_region\|
	alloc_chrdev_region\|cdev_add\|cdev_device_add\|misc_register\|
	pci_register_driver\|i2c_add_driver\|spi_register_driver\|
	usb_register\|hid_register_driver\|hid_add_device\|
	serio_register_driver\|serio_register_port\|
	acpi_bus_register_driver\|pnp_register_driver\|
	isa_register_driver\|auxiliary_driver_register\|
	input_register_device\|input_register_handler\|register_netdev\|
	register_netdevice_notifier\|register_reboot_notifier\|
	register_pm_notifier\|blocking_notifier_chain_register\|
	atomic_notifier_chain_register\|led_classdev_register\|
	i2c_add_adapter\|i2c_add_numbered_adapter\|
	watchdog_register_device\|rfkill_register\|hwrng_register\|
	tty_register_driver\|uart_register_driver\|register_framebuffer\|
	iio_device_register\|gpiochip_add_data\|
	snd_soc_register_component\|crypto_register_alg\|class_create\|
	device_create\|platform_device_register_simple\|
	platform_device_register_data\|platform_device_register_full\|
	platform_device_register_resndata\|i2c_new_client_device\|
	hwmon_device_register_with_info\|
	hwmon_device_register_with_groups\|backlight_device_register\|
	power_supply_register\)(...)@p

@tokuf@
identifier f = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del, unregister_chrdev,
	unregister_chrdev_region, cdev_del, cdev_device_del, misc_deregister,
	pci_unregister_driver, i2c_del_driver, i2c_unregister_device,
	spi_unregister_driver, usb_deregister, hid_unregister_driver,
	hid_destroy_device, serio_unregister_driver, serio_unregister_port,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	isa_unregister_driver, auxiliary_driver_unregister,
	input_unregister_device, input_unregister_handler, unregister_netdev,
	unregister_netdevice_notifier, unregister_reboot_notifier,
	unregister_pm_notifier, blocking_notifier_chain_unregister,
	atomic_notifier_chain_unregister, led_classdev_unregister,
	i2c_del_adapter, hwmon_device_unregister, backlight_device_unregister,
	power_supply_unregister, watchdog_unregister_device, rfkill_unregister,
	hwrng_unregister, tty_unregister_driver, uart_unregister_driver,
	unregister_framebuffer, iio_device_unregister, gpiochip_remove,
	snd_soc_unregister_component, crypto_unregister_alg};
position p;
@@

f(...)@p

@toku@
position tokuf.p;
@@

\(driver_unregister\|bus_unregister\|class_unregister\|
	class_destroy\|device_unregister\|device_del\|
	platform_driver_unregister\|platform_unregister_drivers\|
	platform_device_unregister\|platform_device_del\|
	unregister_chrdev\|unregister_chrdev_region\|cdev_del\|
	cdev_device_del\|misc_deregister\|pci_unregister_driver\|
	i2c_del_driver\|i2c_unregister_device\|spi_unregister_driver\|
	usb_deregister\|hid_unregister_driver\|hid_destroy_device\|
	serio_unregister_driver\|serio_unregister_port\|
	acpi_bus_unregister_driver\|pnp_unregister_driver\|
	isa_unregister_driver\|auxiliary_driver_unregister\|
	input_unregister_device\|input_unregister_handler\|
	unregister_netdev\|unregister_netdevice_notifier\|
	unregister_reboot_notifier\|unregister_pm_notifier\|
	blocking_notifier_chain_unregister\|
	atomic_notifier_chain_unregister\|led_classdev_unregister\|
	i2c_del_adapter\|hwmon_device_unregister\|
	backlight_device_unregister\|power_supply_unregister\|
	watchdog_unregister_device\|rfkill_unregister\|hwrng_unregister\|
	tty_unregister_driver\|uart_unregister_driver\|
	unregister_framebuffer\|iio_device_unregister\|gpiochip_remove\|
	snd_soc_unregister_component\|crypto_unregister_alg\)(...)@p

@s_int depends on tokr && toku exists@
identifier R = {driver_register, bus_register, class_register, device_register,
	device_add, platform_driver_register, platform_driver_probe,
	platform_register_drivers, platform_device_register,
	platform_device_add, register_chrdev, register_chrdev_region,
	alloc_chrdev_region, cdev_add, cdev_device_add, misc_register,
	pci_register_driver, i2c_add_driver, spi_register_driver,
	usb_register, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port,
	acpi_bus_register_driver, pnp_register_driver,
	isa_register_driver, auxiliary_driver_register,
	input_register_device, input_register_handler, register_netdev,
	register_netdevice_notifier, register_reboot_notifier,
	register_pm_notifier, blocking_notifier_chain_register,
	atomic_notifier_chain_register, led_classdev_register,
	i2c_add_adapter, i2c_add_numbered_adapter,
	watchdog_register_device, rfkill_register, hwrng_register,
	tty_register_driver, uart_register_driver,
	register_framebuffer, iio_device_register, gpiochip_add_data,
	snd_soc_register_component, crypto_register_alg};
expression list args;
expression ret, F;
statement S;
symbol true, false;
position pr, ps;
@@

ret@pr = R(args);
(
if (\(ret\|ret != 0\|ret < 0\|unlikely(ret)\|unlikely(ret < 0)\)) S
...
F@ps = \(true\|1\);
|
F@ps = \(true\|1\);
if (\(ret\|ret != 0\|ret < 0\|unlikely(ret)\|unlikely(ret < 0)\)) S
)

// Set after a register call that returns the object succeeded.
@s_ptr depends on tokr && toku exists@
identifier R = {class_create, device_create, platform_device_register_simple,
	platform_device_register_data, platform_device_register_full,
	platform_device_register_resndata, i2c_new_client_device,
	hwmon_device_register_with_info,
	hwmon_device_register_with_groups, backlight_device_register,
	power_supply_register};
expression list args;
expression ret, F;
statement S;
symbol true, false;
position pr, ps;
@@

ret@pr = R(args);
(
if (\(IS_ERR(ret)\|IS_ERR_OR_NULL(ret)\|!ret\|unlikely(IS_ERR(ret))\)) S
...
F@ps = \(true\|1\);
)

// The same, set in the branch of the test that the call succeeded, when
// the other branch fails the function.
@s_int_else depends on tokr && toku exists@
identifier R = {driver_register, bus_register, class_register, device_register,
	device_add, platform_driver_register, platform_driver_probe,
	platform_register_drivers, platform_device_register,
	platform_device_add, register_chrdev, register_chrdev_region,
	alloc_chrdev_region, cdev_add, cdev_device_add, misc_register,
	pci_register_driver, i2c_add_driver, spi_register_driver,
	usb_register, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port,
	acpi_bus_register_driver, pnp_register_driver,
	isa_register_driver, auxiliary_driver_register,
	input_register_device, input_register_handler, register_netdev,
	register_netdevice_notifier, register_reboot_notifier,
	register_pm_notifier, blocking_notifier_chain_register,
	atomic_notifier_chain_register, led_classdev_register,
	i2c_add_adapter, i2c_add_numbered_adapter,
	watchdog_register_device, rfkill_register, hwrng_register,
	tty_register_driver, uart_register_driver,
	register_framebuffer, iio_device_register, gpiochip_add_data,
	snd_soc_register_component, crypto_register_alg};
expression list args;
expression ret, F;
statement S;
symbol true, false;
position pr, ps;
@@

ret@pr = R(args);
(
if (\(ret\|ret != 0\|ret < 0\|unlikely(ret)\|unlikely(ret < 0)\)) S else { ... F@ps = \(true\|1\); ... }
|
if (\(ret\|ret != 0\|ret < 0\|unlikely(ret)\|unlikely(ret < 0)\)) S else F@ps = \(true\|1\);
|
if (\(!ret\|ret == 0\|ret >= 0\|likely(!ret)\)) { ... F@ps = \(true\|1\); ... } else S
)

@s_ptr_else depends on tokr && toku exists@
identifier R = {class_create, device_create, platform_device_register_simple,
	platform_device_register_data, platform_device_register_full,
	platform_device_register_resndata, i2c_new_client_device,
	hwmon_device_register_with_info,
	hwmon_device_register_with_groups, backlight_device_register,
	power_supply_register};
expression list args;
expression ret, F;
statement S;
symbol true, false;
position pr, ps;
@@

ret@pr = R(args);
(
if (\(IS_ERR(ret)\|IS_ERR_OR_NULL(ret)\|!ret\|unlikely(IS_ERR(ret))\)) S else { ... F@ps = \(true\|1\); ... }
|
if (\(IS_ERR(ret)\|IS_ERR_OR_NULL(ret)\|!ret\|unlikely(IS_ERR(ret))\)) S else F@ps = \(true\|1\);
|
if (\(!IS_ERR(ret)\|!IS_ERR_OR_NULL(ret)\|ret\)) { ... F@ps = \(true\|1\); ... } else S
)

// The same, when the function then returns the call's result.
@s_int_ret depends on tokr && toku@
identifier R = {driver_register, bus_register, class_register, device_register,
	device_add, platform_driver_register, platform_driver_probe,
	platform_register_drivers, platform_device_register,
	platform_device_add, register_chrdev, register_chrdev_region,
	alloc_chrdev_region, cdev_add, cdev_device_add, misc_register,
	pci_register_driver, i2c_add_driver, spi_register_driver,
	usb_register, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port,
	acpi_bus_register_driver, pnp_register_driver,
	isa_register_driver, auxiliary_driver_register,
	input_register_device, input_register_handler, register_netdev,
	register_netdevice_notifier, register_reboot_notifier,
	register_pm_notifier, blocking_notifier_chain_register,
	atomic_notifier_chain_register, led_classdev_register,
	i2c_add_adapter, i2c_add_numbered_adapter,
	watchdog_register_device, rfkill_register, hwrng_register,
	tty_register_driver, uart_register_driver,
	register_framebuffer, iio_device_register, gpiochip_add_data,
	snd_soc_register_component, crypto_register_alg};
expression list args;
expression ret, F, E, E2;
symbol true;
position pr, ps, pe;
@@

ret@pr = R(args);
if (\(!ret\|ret == 0\|ret >= 0\|likely(!ret)\))
\( F@ps = \(true\|1\); \| { ... F@ps = \(true\|1\); ... } \)
... when != ret = E
    when != return E2;
return ret@pe;

// The same, the result held in a variable declared with the call.
@s_int_rdecl depends on tokr && toku@
identifier R = {driver_register, bus_register, class_register, device_register,
	device_add, platform_driver_register, platform_driver_probe,
	platform_register_drivers, platform_device_register,
	platform_device_add, register_chrdev, register_chrdev_region,
	alloc_chrdev_region, cdev_add, cdev_device_add, misc_register,
	pci_register_driver, i2c_add_driver, spi_register_driver,
	usb_register, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port,
	acpi_bus_register_driver, pnp_register_driver,
	isa_register_driver, auxiliary_driver_register,
	input_register_device, input_register_handler, register_netdev,
	register_netdevice_notifier, register_reboot_notifier,
	register_pm_notifier, blocking_notifier_chain_register,
	atomic_notifier_chain_register, led_classdev_register,
	i2c_add_adapter, i2c_add_numbered_adapter,
	watchdog_register_device, rfkill_register, hwrng_register,
	tty_register_driver, uart_register_driver,
	register_framebuffer, iio_device_register, gpiochip_add_data,
	snd_soc_register_component, crypto_register_alg};
expression list args;
type T;
identifier ret;
expression F, E, E2;
symbol true;
position pr, ps, pe;
@@

T ret@pr = R(args);
if (\(!ret\|ret == 0\|ret >= 0\|likely(!ret)\))
\( F@ps = \(true\|1\); \| { ... F@ps = \(true\|1\); ... } \)
... when != ret = E
    when != return E2;
return ret@pe;

// Guards of the unregister.
@g_if depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl exists@
identifier U = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del,
	unregister_chrdev, unregister_chrdev_region, cdev_del,
	cdev_device_del, misc_deregister, pci_unregister_driver,
	i2c_del_driver, i2c_unregister_device, spi_unregister_driver,
	usb_deregister, hid_unregister_driver, hid_destroy_device,
	serio_unregister_driver, serio_unregister_port,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	isa_unregister_driver, auxiliary_driver_unregister,
	input_unregister_device, input_unregister_handler,
	unregister_netdev, unregister_netdevice_notifier,
	unregister_reboot_notifier, unregister_pm_notifier,
	blocking_notifier_chain_unregister,
	atomic_notifier_chain_unregister, led_classdev_unregister,
	i2c_del_adapter, hwmon_device_unregister,
	backlight_device_unregister, power_supply_unregister,
	watchdog_unregister_device, rfkill_unregister,
	hwrng_unregister, tty_unregister_driver,
	uart_unregister_driver, unregister_framebuffer,
	iio_device_unregister, gpiochip_remove,
	snd_soc_unregister_component, crypto_unregister_alg};
expression list uargs;
expression F, E;
statement S;
identifier l;
symbol true, false;
position pg;
@@

(
if (\(F@pg\|F@pg != 0\|F@pg == true\|F@pg && E\|E && F@pg\|likely(F@pg)\|unlikely(F@pg)\)) { ... U(uargs); ... }
|
if (\(!F@pg\|F@pg == false\|F@pg == 0\)) S else { ... U(uargs); ... }
|
if (\(!F@pg\|F@pg == false\|F@pg == 0\)) \(return;\|return E;\|goto l;\|break;\|continue;\)
...
U(uargs);
)

@g_and depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
identifier U = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del,
	unregister_chrdev, unregister_chrdev_region, cdev_del,
	cdev_device_del, misc_deregister, pci_unregister_driver,
	i2c_del_driver, i2c_unregister_device, spi_unregister_driver,
	usb_deregister, hid_unregister_driver, hid_destroy_device,
	serio_unregister_driver, serio_unregister_port,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	isa_unregister_driver, auxiliary_driver_unregister,
	input_unregister_device, input_unregister_handler,
	unregister_netdev, unregister_netdevice_notifier,
	unregister_reboot_notifier, unregister_pm_notifier,
	blocking_notifier_chain_unregister,
	atomic_notifier_chain_unregister, led_classdev_unregister,
	i2c_del_adapter, hwmon_device_unregister,
	backlight_device_unregister, power_supply_unregister,
	watchdog_unregister_device, rfkill_unregister,
	hwrng_unregister, tty_unregister_driver,
	uart_unregister_driver, unregister_framebuffer,
	iio_device_unregister, gpiochip_remove,
	snd_soc_unregister_component, crypto_unregister_alg};
expression list uargs;
expression F;
position pg;
@@

F@pg && U(uargs)

@initialize:python@
@@
import re

# register call: (its unregister calls, space separated, the argument naming the object
# (0: the call returns it), class: 'core' driver model, 'subsys' other)
PAIRS = {
	"driver_register": ("driver_unregister", 1, "core"),
	"bus_register": ("bus_unregister", 1, "core"),
	"class_register": ("class_unregister", 1, "core"),
	"class_create": ("class_destroy", 0, "core"),
	"device_register": ("device_unregister", 1, "core"),
	"device_add": ("device_del device_unregister", 1, "core"),
	"device_create": ("device_unregister", 0, "core"),
	"platform_driver_register": ("platform_driver_unregister", 1, "core"),
	"platform_driver_probe": ("platform_driver_unregister", 1, "core"),
	"platform_register_drivers": ("platform_unregister_drivers", 1, "core"),
	"platform_device_register": ("platform_device_unregister", 1, "core"),
	"platform_device_add": ("platform_device_del platform_device_unregister", 1, "core"),
	"platform_device_register_simple": ("platform_device_unregister", 0, "core"),
	"platform_device_register_data": ("platform_device_unregister", 0, "core"),
	"platform_device_register_full": ("platform_device_unregister", 0, "core"),
	"platform_device_register_resndata": ("platform_device_unregister", 0, "core"),
	"register_chrdev": ("unregister_chrdev", 1, "core"),
	"register_chrdev_region": ("unregister_chrdev_region", 1, "core"),
	"alloc_chrdev_region": ("unregister_chrdev_region", 1, "core"),
	"cdev_add": ("cdev_del", 1, "core"),
	"cdev_device_add": ("cdev_device_del", 1, "core"),
	"misc_register": ("misc_deregister", 1, "core"),
	"pci_register_driver": ("pci_unregister_driver", 1, "core"),
	"i2c_add_driver": ("i2c_del_driver", 1, "core"),
	"i2c_new_client_device": ("i2c_unregister_device", 0, "core"),
	"spi_register_driver": ("spi_unregister_driver", 1, "core"),
	"usb_register": ("usb_deregister", 1, "core"),
	"hid_register_driver": ("hid_unregister_driver", 1, "core"),
	"hid_add_device": ("hid_destroy_device", 1, "core"),
	"serio_register_driver": ("serio_unregister_driver", 1, "core"),
	"serio_register_port": ("serio_unregister_port", 1, "core"),
	"acpi_bus_register_driver": ("acpi_bus_unregister_driver", 1, "core"),
	"pnp_register_driver": ("pnp_unregister_driver", 1, "core"),
	"isa_register_driver": ("isa_unregister_driver", 1, "core"),
	"auxiliary_driver_register": ("auxiliary_driver_unregister", 1, "core"),
	"input_register_device": ("input_unregister_device", 1, "subsys"),
	"input_register_handler": ("input_unregister_handler", 1, "subsys"),
	"register_netdev": ("unregister_netdev", 1, "subsys"),
	"register_netdevice_notifier": ("unregister_netdevice_notifier", 1, "subsys"),
	"register_reboot_notifier": ("unregister_reboot_notifier", 1, "subsys"),
	"register_pm_notifier": ("unregister_pm_notifier", 1, "subsys"),
	"blocking_notifier_chain_register": ("blocking_notifier_chain_unregister", 2, "subsys"),
	"atomic_notifier_chain_register": ("atomic_notifier_chain_unregister", 2, "subsys"),
	"led_classdev_register": ("led_classdev_unregister", 2, "subsys"),
	"i2c_add_adapter": ("i2c_del_adapter", 1, "subsys"),
	"i2c_add_numbered_adapter": ("i2c_del_adapter", 1, "subsys"),
	"hwmon_device_register_with_info": ("hwmon_device_unregister", 0, "subsys"),
	"hwmon_device_register_with_groups": ("hwmon_device_unregister", 0, "subsys"),
	"backlight_device_register": ("backlight_device_unregister", 0, "subsys"),
	"power_supply_register": ("power_supply_unregister", 0, "subsys"),
	"watchdog_register_device": ("watchdog_unregister_device", 1, "subsys"),
	"rfkill_register": ("rfkill_unregister", 1, "subsys"),
	"hwrng_register": ("hwrng_unregister", 1, "subsys"),
	"tty_register_driver": ("tty_unregister_driver", 1, "subsys"),
	"uart_register_driver": ("uart_unregister_driver", 1, "subsys"),
	"register_framebuffer": ("unregister_framebuffer", 1, "subsys"),
	"iio_device_register": ("iio_device_unregister", 1, "subsys"),
	"gpiochip_add_data": ("gpiochip_remove", 1, "subsys"),
	"snd_soc_register_component": ("snd_soc_unregister_component", 1, "subsys"),
	"crypto_register_alg": ("crypto_unregister_alg", 1, "subsys"),
}
# unregister calls that name the object in another argument than the first
UNREG_ARG = {"blocking_notifier_chain_unregister": 2, "atomic_notifier_chain_unregister": 2}

LVALUE = re.compile(r"^[A-Za-z_]\w*(\s*(\.|->)\s*[A-Za-z_]\w*)*$")
sets, guards, decls = {}, {}, {}
# The roles of the file's functions, its flags' writes, and who calls the
# functions that guard an unregister.
setup, teardown, defs, writes, callers = set(), set(), {}, {}, {}

def split_args(args):
	out, depth, cur = [], 0, ""
	for ch in str(args):
		if ch in "([{":
			depth += 1
		elif ch in ")]}":
			depth -= 1
		if ch == "," and depth == 0:
			out.append(cur)
			cur = ""
		else:
			cur += ch
	out.append(cur)
	return [a.strip() for a in out]

def last_name(e):
	"""The name an expression gives an object: a variable, or a member."""
	e = re.sub(r"[&()\s]", "", str(e))
	e = re.sub(r"\[.*\]$", "", e)
	return re.split(r"\.|->", e)[-1]

def flag_key(f):
	f = str(f).strip()
	while f.startswith("(") and f.endswith(")"):
		f = f[1:-1].strip()
	return last_name(f) if LVALUE.match(f) else None

def record(table, f, call, obj, pos):
	key = flag_key(f)
	if key and obj:
		table.setdefault(key, []).append((call, last_name(obj), pos[0]))

def reg_object(r, args, ret=None):
	arg = PAIRS[r][1]
	if arg == 0:
		return ret
	args = split_args(args)
	return args[arg - 1] if arg <= len(args) else None

def unreg_object(u, args):
	args = split_args(args)
	arg = UNREG_ARG.get(u, 1)
	return args[arg - 1] if arg <= len(args) else None

def pairs(r, u):
	return r in PAIRS and u in PAIRS[r][0].split()

def same_object(a, b):
	return a == b or "*" in (a, b)

def evidence(first, second, match):
	"""The first two entries that belong together."""
	for a in first:
		for b in second:
			if match(a[0], b[0]) and same_object(a[1], b[1]):
				return a, b
	return None

def indent(pos):
	"""The width of the blanks before a statement, tabs counted as 8."""
	try:
		with open(pos.file, errors="replace") as f:
			for i, line in enumerate(f, 1):
				if i == int(pos.line):
					head = line[:len(line) - len(line.lstrip(" \t"))]
					return len(head.expandtabs(8))
	except OSError:
		pass
	return 1 << 10

def top_level(pos):
	"""A statement of the function's body itself, not of a block in it:
	told by its indentation, as kernel style writes it."""
	return indent(pos) <= 8

def fails(S):
	"""Does the branch leave the function with an error?"""
	text = re.sub(r"/\*.*?\*/", " ", str(S), flags=re.S).strip()
	m = re.search(r"(?:return\b\s*([^;]*)|goto\s+\w+)\s*;\s*\}?\s*$", text)
	return bool(m) and (m.group(1) is None or m.group(1).strip("() ") not in ("", "0"))

def record_set(f, call, obj, pr, ps, S, nested=False):
	"""A set of flag f after call; kept when the call is mandatory: at
	the top level of its function, which fails when it fails."""
	key = flag_key(f)
	if key and obj and fails(S) and top_level(pr[0]) and \
	   (nested or top_level(ps[0])):
		sets.setdefault(key, []).append((call, last_name(obj), ps[0]))

def returns_between(a, b):
	"""Another return between the lines of a and b (exclusive)?"""
	try:
		with open(a.file, errors="replace") as f:
			lines = f.read().split("\n")[int(a.line):int(b.line) - 1]
	except OSError:
		return True
	text = re.sub(r"/\*.*?\*/", " ", "\n".join(lines), flags=re.S)
	return re.search(r"\breturn\b", text) is not None

def record_role(fn, member):
	if member == "probe":
		setup.add(fn)
	elif member in ("remove", "remove_new", "disconnect"):
		teardown.add(fn)

def wanted_function(fn):
	"""A function whose role findings() asks for."""
	fn = str(fn)
	return any(fn == p.current_element for v in sets.values() for _, _, p in v) or \
		any(fn == p.current_element for v in guards.values() for _, _, p in v) or \
		any(fn == c for v in callers.values() for c in v)

def guard_function(fn):
	return any(str(fn) == p.current_element for v in guards.values() for _, _, p in v)

def flag_written(f):
	key = flag_key(f)
	return key is not None and key in sets

def header(fn):
	"""The words of a function's definition before its name."""
	pos = defs.get(fn)
	if not pos:
		return set()
	try:
		with open(pos.file, errors="replace") as f:
			lines = f.read().split("\n")
	except OSError:
		return set()
	line = int(pos.line) - 1
	text = lines[line][:int(pos.column)]
	if line > 0 and not text.strip():
		text = lines[line - 1]
	return set(re.findall(r"\w+", text))

def is_setup(fn):
	return fn in setup or "__init" in header(fn)

def direct_teardown(fn):
	return fn in teardown or "__exit" in header(fn)

def is_teardown(fn):
	"""Teardown, or a static helper only teardown calls; not a teardown
	function that something else calls too (an exit that init calls to
	unwind its own failure)."""
	calls = callers.get(fn, set()) - {fn}
	if not all(direct_teardown(c) for c in calls):
		return False
	return direct_teardown(fn) or ("static" in header(fn) and bool(calls))

def writes_only_there(key, fn, where):
	"""Every other write of the flag clears it in setup or teardown."""
	for wfn, value, pos in writes.get(key, []):
		if (pos.line, pos.column) == (where.line, where.column):
			continue
		if value.strip("() ") not in ("0", "false") or \
		   (wfn != fn and not is_teardown(wfn)):
			return False
	return True

def findings():
	"""(where to report, message, set site, guard site) per flag whose
	registration is mandatory: set in setup, tested in teardown."""
	found = []
	for key in sorted(sets):
		for r, obj, where in sets[key]:
			fn = where.current_element
			if not is_setup(fn) or not writes_only_there(key, fn, where):
				continue
			ev = [(u, g) for u, uobj, g in guards.get(key, [])
			      if pairs(r, u) and same_object(obj, uobj) and
			      g.current_element != fn and is_teardown(g.current_element)]
			if ev:
				u, guard = ev[0]
				msg = "'%s' is always true where it is tested: %s() must succeed for the function that sets it to succeed, and %s() runs only after that; drop the flag and call %s() unconditionally" % (key, r, u, u)
				found.append((decls.get(key, where), msg, where, guard))
				break
	return found

@script:python@
R << s_int.R;
args << s_int.args;
F << s_int.F;
S << s_int.S;
pr << s_int.pr;
ps << s_int.ps;
@@
record_set(F, R, reg_object(R, args), pr, ps, S)

@script:python@
R << s_ptr.R;
ret << s_ptr.ret;
F << s_ptr.F;
S << s_ptr.S;
pr << s_ptr.pr;
ps << s_ptr.ps;
@@
record_set(F, R, ret, pr, ps, S)

@script:python@
R << s_int_else.R;
args << s_int_else.args;
F << s_int_else.F;
S << s_int_else.S;
pr << s_int_else.pr;
ps << s_int_else.ps;
@@
record_set(F, R, reg_object(R, args), pr, ps, S, True)

@script:python@
R << s_ptr_else.R;
ret << s_ptr_else.ret;
F << s_ptr_else.F;
S << s_ptr_else.S;
pr << s_ptr_else.pr;
ps << s_ptr_else.ps;
@@
record_set(F, R, ret, pr, ps, S, True)

@script:python@
R << s_int_ret.R;
args << s_int_ret.args;
F << s_int_ret.F;
pr << s_int_ret.pr;
ps << s_int_ret.ps;
pe << s_int_ret.pe;
@@
if not returns_between(pr[0], pe[0]):
	record_set(F, R, reg_object(R, args), pr, ps, "return error;", True)

@script:python@
R << s_int_rdecl.R;
args << s_int_rdecl.args;
F << s_int_rdecl.F;
pr << s_int_rdecl.pr;
ps << s_int_rdecl.ps;
pe << s_int_rdecl.pe;
@@
if not returns_between(pr[0], pe[0]):
	record_set(F, R, reg_object(R, args), pr, ps, "return error;", True)

@script:python@
U << g_if.U;
uargs << g_if.uargs;
F << g_if.F;
pg << g_if.pg;
@@
record(guards, F, U, unreg_object(U, uargs), pg)

@script:python@
U << g_and.U;
uargs << g_and.uargs;
F << g_and.F;
pg << g_and.pg;
@@
record(guards, F, U, unreg_object(U, uargs), pg)

// The roles of the functions the sets and guards sit in: setup (module
// init, probe) and teardown (module exit, remove), the definitions (for
// __init, __exit and static), the callers of the functions with a guard,
// and every write of a flag.  Only the names recorded above are looked
// up.
@r_init depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
declarer name module_init;
identifier fn;
@@

module_init(fn);

@script:python@
fn << r_init.fn;
@@
setup.add(fn)

@r_exit depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
declarer name module_exit;
identifier fn;
@@

module_exit(fn);

@script:python@
fn << r_exit.fn;
@@
teardown.add(fn)

@r_drv depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
identifier s, D, fn;
identifier f = {probe, remove, remove_new, disconnect};
@@

struct s D = { ..., .f = fn, ... };

@script:python@
fn << r_drv.fn;
f << r_drv.f;
@@
record_role(fn, f)

@r_call depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
identifier h : script:python () { guard_function(h) };
position pc;
@@

h@pc(...)

@script:python@
h << r_call.h;
pc << r_call.pc;
@@
callers.setdefault(h, set()).add(pc[0].current_element)

@r_def depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
identifier fn : script:python () { wanted_function(fn) };
position pf;
@@

fn@pf(...) { ... }

@script:python@
fn << r_def.fn;
pf << r_def.pf;
@@
defs[fn] = pf[0]

@r_write depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
expression F : script:python () { flag_written(F) };
expression E;
position pw;
@@

F@pw = E

@script:python@
F << r_write.F;
E << r_write.E;
pw << r_write.pw;
@@
writes.setdefault(flag_key(F), []).append((pw[0].current_element, str(E), pw[0]))

// Where flags are declared: variables and struct members.  These rules
// come after the scripts that record the sets and the clearings, and take
// only the names recorded there (flag_candidate), the only names findings()
// looks up.  Any name was too slow: "struct s { ... T fl : W; ... }", with
// T kept for the script below, takes more than 30 s on one bit-field
// declaration of six members ("unsigned int shared_irq:1, dxsuflo:1, ...;"
// in pcnet32.c), and a fraction of a second when fl can only be a few names.
@decl depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
type T;
identifier fl : script:python () { str(fl) in sets };
expression E;
position pd;
@@

(
T fl@pd;
|
T fl@pd = E;
)

@member depends on s_int || s_ptr || s_int_else || s_ptr_else || s_int_ret || s_int_rdecl@
type T;
identifier s;
identifier fl : script:python () { str(fl) in sets };
expression W;
position pd;
@@

struct s { ...
(
T fl@pd;
|
T fl@pd : W;
)
... };

@script:python@
T << decl.T;
fl << decl.fl;
pd << decl.pd;
@@
if "*" not in T and "struct" not in T and "union" not in T:
	decls.setdefault(fl, pd[0])

@script:python@
T << member.T;
fl << member.fl;
pd << member.pd;
@@
if "*" not in T and "struct" not in T and "union" not in T:
	decls.setdefault(fl, pd[0])

@script:python depends on org && tokr && toku@
@@
for pos, msg, where, guard in findings():
	cocci.print_main(msg, [pos])
	cocci.print_secs("set or cleared", [where])
	cocci.print_secs("tested", [guard])

@script:python depends on report && tokr && toku@
@@
for pos, msg, where, guard in findings():
	coccilib.report.print_report(pos, msg)

@script:python depends on tokr && toku@
@@
for table in (sets, guards, decls, setup, teardown, defs, writes, callers):
	table.clear()
