// SPDX-License-Identifier: GPL-2.0-only
/// Find registrations that are not undone
///
/// A driver, device, class, bus, char device or misc device that is
/// registered and never unregistered leaks, and once the module is gone
/// the driver core still holds pointers into its text and data.  Two
/// forms are found: a registration in module init that module exit does
/// not undo, and an error path that returns after a registration
/// succeeded without undoing it, directly or through the goto labels it
/// jumps to.
///
/// The finding stands on the register call (init and exit) or on the
/// return that misses the unregister (error path).  There is no
/// automatic fix: where the unregister belongs depends on the code.
//
// The pairs are the driver-core ("core") pairs of drvlint's
// rules/register-pairs.list, named as the source calls them (before macro
// expansion: pci_register_driver, not __pci_register_driver).  Not done
// here, and left to drvlint's libclang engine: probe and remove, the
// order of the unwinding, double and stray unregisters, devm_ objects
// undone by hand, registrations and unregisters inside helpers of the
// file.
//
// Confidence: Moderate
// Copyright: drvlint contributors
// Options: --no-includes
// Keywords: register, unregister, module_init, module_exit, goto

// No patch mode rule: "virtual patch" only lets MODE=patch run over
// every script.
virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

# register call: (its unregister calls, 'arg' when its first argument is
# the object, 'result' when the object is what it returns)
PAIRS = {
	"driver_register": ("driver_unregister", "arg"),
	"bus_register": ("bus_unregister", "arg"),
	"class_register": ("class_unregister", "arg"),
	"class_create": ("class_destroy", "result"),
	"device_register": ("device_unregister device_del", "arg"),
	"device_add": ("device_del device_unregister", "arg"),
	"device_create": ("device_destroy device_unregister", "result"),
	"root_device_register": ("root_device_unregister", "result"),
	"auxiliary_driver_register": ("auxiliary_driver_unregister", "arg"),
	"platform_driver_register": ("platform_driver_unregister", "arg"),
	"platform_driver_probe": ("platform_driver_unregister", "arg"),
	"platform_register_drivers": ("platform_unregister_drivers", "arg"),
	"platform_device_register": ("platform_device_unregister platform_device_del", "arg"),
	"platform_device_add": ("platform_device_del platform_device_unregister", "arg"),
	"platform_device_register_full": ("platform_device_unregister", "result"),
	"platform_device_register_simple": ("platform_device_unregister", "result"),
	"platform_device_register_data": ("platform_device_unregister", "result"),
	"platform_device_register_resndata": ("platform_device_unregister", "result"),
	"register_chrdev": ("unregister_chrdev", "result"),
	"register_chrdev_region": ("unregister_chrdev_region", "arg"),
	"alloc_chrdev_region": ("unregister_chrdev_region", "arg"),
	"cdev_add": ("cdev_del", "arg"),
	"cdev_device_add": ("cdev_device_del", "arg"),
	"misc_register": ("misc_deregister", "arg"),
	"pci_register_driver": ("pci_unregister_driver", "arg"),
	"i2c_add_driver": ("i2c_del_driver", "arg"),
	"i2c_new_client_device": ("i2c_unregister_device", "result"),
	"spi_register_driver": ("spi_unregister_driver", "arg"),
	"usb_register": ("usb_deregister", "arg"),
	"usb_register_driver": ("usb_deregister", "arg"),
	"usb_register_device_driver": ("usb_deregister_device_driver", "arg"),
	"usb_serial_register_drivers": ("usb_serial_deregister_drivers", "arg"),
	"hid_register_driver": ("hid_unregister_driver", "arg"),
	"hid_add_device": ("hid_destroy_device", "arg"),
	"serio_register_driver": ("serio_unregister_driver", "arg"),
	"serio_register_port": ("serio_unregister_port", "arg"),
	"register_virtio_driver": ("unregister_virtio_driver", "arg"),
	"register_virtio_device": ("unregister_virtio_device", "arg"),
	"acpi_bus_register_driver": ("acpi_bus_unregister_driver", "arg"),
	"pnp_register_driver": ("pnp_unregister_driver", "arg"),
	"pnp_register_card_driver": ("pnp_unregister_card_driver", "arg"),
	"isa_register_driver": ("isa_unregister_driver", "arg"),
	"wmi_driver_register": ("wmi_driver_unregister", "arg"),
	"sdio_register_driver": ("sdio_unregister_driver", "arg"),
	"amba_driver_register": ("amba_driver_unregister", "arg"),
	"serdev_device_driver_register": ("serdev_device_driver_unregister", "arg"),
	"register_rpmsg_driver": ("unregister_rpmsg_driver", "arg"),
	"phy_driver_register": ("phy_driver_unregister", "arg"),
	"phy_drivers_register": ("phy_drivers_unregister", "arg"),
}
UNREG = {}
for r, (us, _) in PAIRS.items():
	for u in us.split():
		UNREG.setdefault(u, set()).add(r)

# Per file: registers in module init, unregisters in module exit, and the
# error paths found.
state = {"file": None}
inits, exits, helpers, calls_in_exit, found = [], [], {}, set(), {}
undoers, guarded, params, init_names = {}, set(), {}, set()
looped = set()
# Calls that hand a function of the file over as a callback: (the calling
# function, the callback) for device_for_each_child() and the like, and
# the callbacks of devm_add_action() and devm_add_action_or_reset().
backs, devm_actions, reg_guarded = [], set(), set()

def start_file(path):
	if state["file"] == path:
		return
	state["file"] = path
	for l in (inits, exits):
		del l[:]
	helpers.clear()
	undoers.clear()
	guarded.clear()
	looped.clear()
	del backs[:]
	devm_actions.clear()
	reg_guarded.clear()
	params.clear()
	init_names.clear()
	calls_in_exit.clear()
	found.clear()

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
	return [a.strip() for a in out if a.strip()]

def name_of(e):
	"""The name an expression gives an object: a variable or a member."""
	e = re.sub(r"[&()\s]", "", str(e))
	e = re.sub(r"\[.*\]$", "", e)
	return re.split(r"\.|->", e)[-1]

def register_object(R, args, result):
	if PAIRS[R][1] == "result" and result:
		return name_of(result)
	args = split_args(args)
	return name_of(args[0]) if args else None

def unregisters(R):
	return PAIRS[R][0].split()

def error_value(E, C=None):
	"""Does 'return E' (under 'if (C)') return an error?"""
	E = str(E).strip()
	while E.startswith("(") and E.endswith(")"):
		E = E[1:-1].strip()
	if re.match(r"^-\s*[A-Z0-9_]+$", E) or re.match(r"^(PTR_ERR|ERR_PTR|ERR_CAST)\s*\(", E):
		return True
	if re.match(r"^[A-Za-z_]\w*$", E) and not re.match(r"^[A-Z_0-9]+$", E):
		if C is None:
			return True
		C = str(C)
		if re.search(r"(!\s*%s\b|\b%s\s*(==|>=|>)\s*)" % (E, E), C):
			return False
		return re.search(r"\b%s\b" % E, C) is not None
	return False

def root_of(e):
	m = re.match(r"^[&(\s*]*([A-Za-z_]\w*)", str(e))
	return m.group(1) if m else None

def record_error_path(R, obj, pos, A="", C2=""):
	"""A return that misses the unregister, unless the path is one the
	script cannot follow: the return is under a conjunction of tests
	(which may say that nothing was registered) or a test of the object
	itself."""
	C2 = str(C2)
	if "&&" in C2 or re.search(r"\b%s\b" % re.escape(obj), C2):
		return
	key = (pos.line, obj)
	if key not in found:
		found[key] = (pos, "'%s' registered by %s() is not unregistered on this error path of %s(): call %s() before returning"
			      % (obj, R, pos.current_element, unregisters(R)[0]),
			      root_of(A), R)

def error_path_findings():
	"""What is left once the classes the script cannot follow are
	dropped: an unregister of the object under a test somewhere in the
	function (the register may sit under the same test), an object
	reached through a parameter of a function that is not module init
	(its caller may clean up, which the script does not follow), and,
	outside module init, an object module exit unregisters."""
	out = []
	for key in sorted(found, key=lambda k: (int(k[0]), k[1])):
		p, msg, root, R = found[key]
		if followed(p, key[1], root, R):
			out.append((p, msg))
	return out

def kept_by_exit(obj):
	"""Does module exit (or a function of the file it calls) unregister
	obj?  Then a function other than init that fails with obj registered
	leaves it to exit: a probe that registers a platform driver and
	fails on purpose (drivers/hwmon/via686a.c), a 'register once'
	helper."""
	if len(exits) != 1:
		return False
	fe = exits[0]
	return any(o == obj and (f == fe or f in helpers.get(fe, ()))
		   for _, o, f in calls_in_exit)

def undoers_of(u):
	"""The functions of the file that call u, and those that hand one
	of them to device_for_each_child() or the like."""
	direct = undoers.get(u, set())
	return direct | {g for g, cb in backs if cb in direct}

def devm_handed(R):
	"""Does a devm action of the file undo R's objects?  It may run for
	an object made anywhere in the file (in a helper the probe calls
	after adding the action): the pair's error paths are not followed."""
	return any(cb in undoers_of(u) for u in unregisters(R)
		   for cb in devm_actions)

def guarded_register(p):
	"""Is the register at p under a test ('if (!nopnp) { ... }')?  An
	optional registration: which later paths run with it done depends on
	the test, which the script does not follow."""
	at = (int(p.line), int(p.column))
	return any(b <= at <= e for b, e in reg_guarded)

def followed(p, obj, root, R=None):
	fn = p.current_element
	if (fn, obj) in guarded:
		return False
	if R and devm_handed(R):
		return False
	# An unregister of the pair inside a loop ('for (i--; i >= 0; i--)
	# device_destroy(...)') unwinds what the loop made: not followed.
	if R and any((fn, u) in looped for u in unregisters(R)):
		return False
	if fn not in init_names and kept_by_exit(obj):
		return False
	return not (root and root in params.get(fn, ()) and fn not in init_names)

def keeps(O, p, A, E2="", C2="", R=None):
	"""The context modes' form of record_error_path()'s and
	error_path_findings()' decision."""
	C2 = str(C2)
	return O != "drvlint_no_object" and (not E2 or error_value(E2, C2)) and \
	       "&&" not in C2 and not re.search(r"\b%s\b" % re.escape(O), C2) and \
	       followed(p, O, root_of(A), R)

def init_exit_findings():
	out = []
	if len({fi for fi, _, _, _ in inits}) > 1 or len(exits) != 1:
		return out
	fe = exits[0]
	undone = set()
	registered = {obj for _, _, obj, _ in inits}
	for u, obj, fn in calls_in_exit:
		if fn == fe or fn in helpers.get(fe, ()):
			undone.add((u, obj))
	for fi, R, obj, p in inits:
		us = unregisters(R)
		if any((u, obj) in undone for u in us):
			continue
		# device_destroy() names the device by its class and number.
		if "device_destroy" in us and any(u == "device_destroy" for u, _ in undone):
			continue
		# A number (a major, a region) is often kept in another variable
		# than the one the result of the register went to (ret, then
		# major = ret): any unregister of the pair in exit counts.
		if R in ("register_chrdev", "register_chrdev_region", "alloc_chrdev_region") and \
		   any(u in us for u, _ in undone):
			continue
		# The same object under another expression (a region registered
		# as 'devid', unregistered as 'MKDEV(major, 0)'): not followed.
		if any(u in us and not re.match(r"^\w+$", o) for u, o in undone):
			continue
		# ... or under a name init registers nothing as: a local of exit
		# copied from the global ('isa_dev = serial8250_isa_devs'), a
		# global init stores its local in.
		if any(u in us and o not in registered for u, o in undone):
			continue
		out.append((p, "'%s' registered by %s() in %s() (module init) is never unregistered in %s(), the module exit: call %s() there"
			    % (obj, R, fi, fe, us[0])))
	return out

// Files that call none of the register functions are skipped.
// Two rules where one would do, for speed: the first finds the calls
// (a set of names is one pattern), the second names them again as a
// disjunction, only at the calls the first found, so that spatch
// skips the files that name none of them (a disjunction of names is
// one pattern per name, each tried on every expression).
@tokf@
identifier f = {driver_register, bus_register, class_register,
	class_create, device_register, device_add, device_create,
	root_device_register, auxiliary_driver_register,
	platform_driver_register, platform_driver_probe,
	platform_register_drivers, platform_device_register,
	platform_device_add, platform_device_register_full,
	platform_device_register_simple, platform_device_register_data,
	platform_device_register_resndata, register_chrdev,
	register_chrdev_region, alloc_chrdev_region, cdev_add, cdev_device_add,
	misc_register, pci_register_driver, i2c_add_driver,
	i2c_new_client_device, spi_register_driver, usb_register,
	usb_register_driver, usb_register_device_driver,
	usb_serial_register_drivers, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port, register_virtio_driver,
	register_virtio_device, acpi_bus_register_driver, pnp_register_driver,
	pnp_register_card_driver, isa_register_driver, wmi_driver_register,
	sdio_register_driver, amba_driver_register,
	serdev_device_driver_register, register_rpmsg_driver,
	phy_driver_register, phy_drivers_register};
position p;
@@

f(...)@p

@tok@
position tokf.p;
@@

\(driver_register\|bus_register\|class_register\|class_create\|
	device_register\|device_add\|device_create\|root_device_register\|
	auxiliary_driver_register\|platform_driver_register\|
	platform_driver_probe\|platform_register_drivers\|
	platform_device_register\|platform_device_add\|
	platform_device_register_full\|platform_device_register_simple\|
	platform_device_register_data\|platform_device_register_resndata\|
	register_chrdev\|register_chrdev_region\|alloc_chrdev_region\|
	cdev_add\|cdev_device_add\|misc_register\|pci_register_driver\|
	i2c_add_driver\|i2c_new_client_device\|spi_register_driver\|
	usb_register\|usb_register_driver\|usb_register_device_driver\|
	usb_serial_register_drivers\|hid_register_driver\|hid_add_device\|
	serio_register_driver\|serio_register_port\|register_virtio_driver\|
	register_virtio_device\|acpi_bus_register_driver\|
	pnp_register_driver\|pnp_register_card_driver\|isa_register_driver\|
	wmi_driver_register\|sdio_register_driver\|amba_driver_register\|
	serdev_device_driver_register\|register_rpmsg_driver\|
	phy_driver_register\|phy_drivers_register\)(...)@p

// 1. Module init and exit.
@mi depends on tok@
declarer name module_init;
identifier fi;
position p;
@@

module_init@p(fi);

@script:python@
fi << mi.fi;
p << mi.p;
@@
start_file(p[0].file)
init_names.add(fi)

@me depends on tok@
declarer name module_exit;
identifier fe;
position p;
@@

module_exit@p(fe);

@script:python@
fe << me.fe;
p << me.p;
@@
start_file(p[0].file)
exits.append(fe)

// The calls in module init: every call, kept when the function it sits
// in is init (a nest "fi(...) { <+... R(args) ...+> }" is a model check
// of every path of init: seconds for a long one).
@ireg depends on mi && me@
identifier R = {driver_register, bus_register, class_register, class_create,
	device_register, device_add, device_create, root_device_register,
	auxiliary_driver_register, platform_driver_register,
	platform_driver_probe, platform_register_drivers,
	platform_device_register, platform_device_add,
	platform_device_register_full, platform_device_register_simple,
	platform_device_register_data, platform_device_register_resndata,
	register_chrdev, register_chrdev_region, alloc_chrdev_region,
	cdev_add, cdev_device_add, misc_register, pci_register_driver,
	i2c_add_driver, i2c_new_client_device, spi_register_driver,
	usb_register, usb_register_driver, usb_register_device_driver,
	usb_serial_register_drivers, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port, register_virtio_driver,
	register_virtio_device, acpi_bus_register_driver,
	pnp_register_driver, pnp_register_card_driver, isa_register_driver,
	wmi_driver_register, sdio_register_driver, amba_driver_register,
	serdev_device_driver_register, register_rpmsg_driver,
	phy_driver_register, phy_drivers_register};
expression list args;
expression x;
position p;
@@

(
x = R@p(args)
|
R@p(args)
)

@script:python@
fi << mi.fi;
R << ireg.R;
args << ireg.args;
p << ireg.p;
x << ireg.x = "";
@@
start_file(p[0].file)
obj = register_object(R, args, x)
if obj and p[0].current_element == fi:
	inits.append((fi, R, obj, p[0]))

@ureg depends on mi && me@
identifier U = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del, device_destroy,
	root_device_unregister, auxiliary_driver_unregister,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del, unregister_chrdev,
	unregister_chrdev_region, cdev_del, cdev_device_del, misc_deregister,
	pci_unregister_driver, i2c_del_driver, i2c_unregister_device,
	spi_unregister_driver, usb_deregister, usb_deregister_device_driver,
	usb_serial_deregister_drivers, hid_unregister_driver,
	hid_destroy_device, serio_unregister_driver, serio_unregister_port,
	unregister_virtio_driver, unregister_virtio_device,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	pnp_unregister_card_driver, isa_unregister_driver,
	wmi_driver_unregister, sdio_unregister_driver,
	amba_driver_unregister, serdev_device_driver_unregister,
	unregister_rpmsg_driver, phy_driver_unregister,
	phy_drivers_unregister};
expression list uargs;
position pu;
@@

U@pu(uargs)

@script:python uname@
U << ureg.U;
uargs << ureg.uargs;
pu << ureg.pu;
fn;
@@
args = split_args(uargs)
if args:
	calls_in_exit.add((U, name_of(args[0]), pu[0].current_element))
coccinelle.fn = cocci.make_ident(pu[0].current_element)

// What exit undoes through a function of the file it calls: the calls of
// the functions that unregister, kept when exit makes them (a nest
// "fe(...) { <+... g(...) ...+> }" would be a model check of exit's paths
// for every call in it).
@ecall depends on mi && me@
identifier uname.fn;
position p;
@@

fn@p(...)

@script:python@
fe << me.fe;
fn << uname.fn;
p << ecall.p;
@@
if p[0].current_element == fe:
	helpers.setdefault(fe, set()).add(fn)

@script:python depends on org && tok@
@@
for p, msg in init_exit_findings():
	cocci.print_main(msg, [p])

@script:python depends on report && tok@
@@
for p, msg in init_exit_findings():
	coccilib.report.print_report(p, msg)

// Functions of the file that call an unregister: calling them undoes too.
// The function is the one the call sits in, from its position: a nest
// "g(...) { <+... U(...) ...+> }" would be a model check of every path of
// every function, seconds for a file of large functions.
@uhelp depends on tok@
identifier U = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del, device_destroy,
	root_device_unregister, auxiliary_driver_unregister,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del, unregister_chrdev,
	unregister_chrdev_region, cdev_del, cdev_device_del, misc_deregister,
	pci_unregister_driver, i2c_del_driver, i2c_unregister_device,
	spi_unregister_driver, usb_deregister, usb_deregister_device_driver,
	usb_serial_deregister_drivers, hid_unregister_driver,
	hid_destroy_device, serio_unregister_driver, serio_unregister_port,
	unregister_virtio_driver, unregister_virtio_device,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	pnp_unregister_card_driver, isa_unregister_driver,
	wmi_driver_unregister, sdio_unregister_driver,
	amba_driver_unregister, serdev_device_driver_unregister,
	unregister_rpmsg_driver, phy_driver_unregister,
	phy_drivers_unregister};
position p;
@@

U@p(...)

@script:python@
U << uhelp.U;
p << uhelp.p;
@@
start_file(p[0].file)
undoers.setdefault(U, set()).add(p[0].current_element)

// Unregisters under a test ('if (priv->supports_temp) misc_deregister(..)'):
// the register may sit under the same test, which the script does not
// follow; the function's error paths for that object are not reported.
@ugard depends on tok@
identifier U = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del, device_destroy,
	root_device_unregister, auxiliary_driver_unregister,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del, unregister_chrdev,
	unregister_chrdev_region, cdev_del, cdev_device_del, misc_deregister,
	pci_unregister_driver, i2c_del_driver, i2c_unregister_device,
	spi_unregister_driver, usb_deregister, usb_deregister_device_driver,
	usb_serial_deregister_drivers, hid_unregister_driver,
	hid_destroy_device, serio_unregister_driver, serio_unregister_port,
	unregister_virtio_driver, unregister_virtio_device,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	pnp_unregister_card_driver, isa_unregister_driver,
	wmi_driver_unregister, sdio_unregister_driver,
	amba_driver_unregister, serdev_device_driver_unregister,
	unregister_rpmsg_driver, phy_driver_unregister,
	phy_drivers_unregister};
expression E, X;
position p;
@@

if (E) \( U@p(X, ...); \| { ... U@p(X, ...); ... } \)

@script:python@
X << ugard.X;
p << ugard.p;
@@
guarded.add((p[0].current_element, name_of(X)))

// Unregisters inside a loop: an unwind loop over what a loop registered,
// or over a list (list_for_each_entry()), which the script does not
// follow; the function's error paths for the pair are not reported.
@uloop depends on tok@
iterator I;
identifier U = {driver_unregister, bus_unregister, class_unregister,
	class_destroy, device_unregister, device_del, device_destroy,
	root_device_unregister, auxiliary_driver_unregister,
	platform_driver_unregister, platform_unregister_drivers,
	platform_device_unregister, platform_device_del, unregister_chrdev,
	unregister_chrdev_region, cdev_del, cdev_device_del, misc_deregister,
	pci_unregister_driver, i2c_del_driver, i2c_unregister_device,
	spi_unregister_driver, usb_deregister, usb_deregister_device_driver,
	usb_serial_deregister_drivers, hid_unregister_driver,
	hid_destroy_device, serio_unregister_driver, serio_unregister_port,
	unregister_virtio_driver, unregister_virtio_device,
	acpi_bus_unregister_driver, pnp_unregister_driver,
	pnp_unregister_card_driver, isa_unregister_driver,
	wmi_driver_unregister, sdio_unregister_driver,
	amba_driver_unregister, serdev_device_driver_unregister,
	unregister_rpmsg_driver, phy_driver_unregister,
	phy_drivers_unregister};
position p;
@@

(
for (...;...;...) { <+... U@p(...) ...+> }
|
while (...) { <+... U@p(...) ...+> }
|
for (...;...;...) U@p(...);
|
while (...) U@p(...);
|
I(...) { <+... U@p(...) ...+> }
|
I(...) U@p(...);
)

@script:python@
U << uloop.U;
p << uloop.p;
@@
looped.add((p[0].current_element, str(U)))

// A function of the file handed over as a callback: a teardown through
// device_for_each_child() and the like counts as calling its unregisters
// (drivers/mfd/tps6586x.c), and a devm action that unregisters a pair
// hands the pair's objects to the driver core (drivers/mfd/da903x.c).
@uback depends on tok@
identifier W = {device_for_each_child, device_for_each_child_reverse,
	bus_for_each_dev, class_for_each_device, driver_for_each_device,
	devm_add_action, devm_add_action_or_reset};
identifier fn;
position p;
@@

W@p(..., fn, ...)

@script:python@
W << uback.W;
fn << uback.fn;
p << uback.p;
@@
start_file(p[0].file)
if str(W).startswith("devm_"):
	devm_actions.add(str(fn))
else:
	backs.append((p[0].current_element, str(fn)))

// Registers under a test: optional (a module parameter, a capability).
// Which later paths run with the object registered depends on the test,
// which the script does not follow: their error paths are not reported.
// The branches of every if, as ranges; a register inside one is under
// its test (a nest "if (E) { <+... R(...) ...+> }" binds one register
// per branch).
@rgard depends on tok@
expression E;
statement S1, S2;
position p;
@@

(
if (E) S1@p else S2
|
if (E) S1 else S2@p
|
if (E) S1@p
)

@script:python@
p << rgard.p;
@@
start_file(p[0].file)
reg_guarded.add(((int(p[0].line), int(p[0].column)),
		 (int(p[0].line_end), int(p[0].column_end))))

// The parameters of the file's functions: an object reached through one
// may be cleaned up by the caller, which the script does not follow.
@fparams depends on tok@
identifier fn, P;
type T;
position p;
@@

fn@p(..., T P, ...) { ... }

@script:python@
fn << fparams.fn;
P << fparams.P;
p << fparams.p;
@@
params.setdefault(fn, set()).add(P)

// 2. Error paths.  A registration succeeded: the path leaves the test of
// its result ('if (ret) ...', 'if (IS_ERR(x)) ...', 'if (R(...))') on the
// success side, and reaches a return of an error with no unregister and
// no hand-over of the object (stored elsewhere, passed on) in between.
// The test of an assigned result first, then a call tested in place.
@reg depends on tok exists@
identifier R = {driver_register, bus_register, class_register, class_create,
	device_register, device_add, device_create, root_device_register,
	auxiliary_driver_register, platform_driver_register,
	platform_driver_probe, platform_register_drivers,
	platform_device_register, platform_device_add,
	platform_device_register_full, platform_device_register_simple,
	platform_device_register_data, platform_device_register_resndata,
	register_chrdev, register_chrdev_region, alloc_chrdev_region,
	cdev_add, cdev_device_add, misc_register, pci_register_driver,
	i2c_add_driver, i2c_new_client_device, spi_register_driver,
	usb_register, usb_register_driver, usb_register_device_driver,
	usb_serial_register_drivers, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port, register_virtio_driver,
	register_virtio_device, acpi_bus_register_driver,
	pnp_register_driver, pnp_register_card_driver, isa_register_driver,
	wmi_driver_register, sdio_register_driver, amba_driver_register,
	serdev_device_driver_register, register_rpmsg_driver,
	phy_driver_register, phy_drivers_register};
expression A, ret, C;
statement S;
position p1, pi;
@@

ret = R@p1(A, ...);
if (C@pi) S

@script:python pair@
R << reg.R;
A << reg.A;
p1 << reg.p1;
C << reg.C;
ret << reg.ret;
S << reg.S;
U1;
U2;
U3;
U4;
U5;
O;
@@
test = str(C)
r = re.escape(str(ret))
tested = re.search(r"\b%s\b" % r, test) and \
	not re.search(r"!\s*\(?\s*%s\b|\b%s\s*(==|>=|>)\s*0" % (r, r), test)
obj = name_of(ret) if PAIRS[R][1] == "result" else name_of(A)
us = unregisters(R)
coccinelle.U1 = us[0]
coccinelle.U2 = us[-1]
helper = sorted(g for u in us for g in undoers_of(u))
coccinelle.U3 = helper[0] if helper else us[0]
coccinelle.U4 = helper[1] if len(helper) > 1 else us[0]
coccinelle.U5 = helper[2] if len(helper) > 2 else us[0]
# More helpers than the rules can name, or the register retried in its
# own failure branch ('if (err) { ...; err = R(...); }'): not followed.
if len(helper) > 3 or re.search(r"\b%s\s*\(" % R, str(S)):
	obj = None
if guarded_register(p1[0]):
	obj = None
coccinelle.O = obj if tested and obj and re.match(r"^[A-Za-z_]\w*$", obj) else "drvlint_no_object"

@epath exists@
expression reg.C, reg.A, E, E2, C2, F;
statement reg.S;
position reg.pi, p2, pg;
identifier pair.U1, pair.U2, pair.U3, pair.U4, pair.U5, pair.O, l, f;
@@

if (C@pi) S
... when != U1(...)
    when != U2(...)
    when != U3(...)
    when != U4(...)
    when != U5(...)
    when != devm_add_action_or_reset(...)
    when != devm_add_action(...)
    when != kref_put(...)
    when != F = O
    when != f(..., A, ...)
(
if (C2) { ... when != U1(...)
              when != U2(...)
              when != U3(...)
              when != U4(...)
              when != U5(...)
              when != kref_put(...)
  return@p2 E2; }
|
return@p2 -E;
|
if (C2) { ... when != U1(...)
              when != U2(...)
              when != U3(...)
              when != U4(...)
              when != U5(...)
              when != kref_put(...)
  goto l@pg; }
)

@script:python@
R << reg.R;
A << reg.A;
O << pair.O;
p2 << epath.p2;
C2 << epath.C2 = "";
E2 << epath.E2 = "";
@@
if O != "drvlint_no_object" and (not E2 or error_value(E2, C2)):
	record_error_path(R, O, p2[0], A, C2)

@elabel exists@
identifier epath.l, pair.U1, pair.U2, pair.U3, pair.U4, pair.U5;
expression E3;
position p3;
@@

l:
... when != U1(...)
    when != U2(...)
    when != U3(...)
    when != U4(...)
    when != U5(...)
    when != kref_put(...)
return@p3 E3;

@script:python@
R << reg.R;
A << reg.A;
O << pair.O;
pg << epath.pg;
p3 << elabel.p3;
E3 << elabel.E3;
@@
if O != "drvlint_no_object" and p3[0].current_element == pg[0].current_element and \
   error_value(E3):
	record_error_path(R, O, p3[0], A)

@regi depends on tok exists@
identifier R = {driver_register, bus_register, class_register, class_create,
	device_register, device_add, device_create, root_device_register,
	auxiliary_driver_register, platform_driver_register,
	platform_driver_probe, platform_register_drivers,
	platform_device_register, platform_device_add,
	platform_device_register_full, platform_device_register_simple,
	platform_device_register_data, platform_device_register_resndata,
	register_chrdev, register_chrdev_region, alloc_chrdev_region,
	cdev_add, cdev_device_add, misc_register, pci_register_driver,
	i2c_add_driver, i2c_new_client_device, spi_register_driver,
	usb_register, usb_register_driver, usb_register_device_driver,
	usb_serial_register_drivers, hid_register_driver, hid_add_device,
	serio_register_driver, serio_register_port, register_virtio_driver,
	register_virtio_device, acpi_bus_register_driver,
	pnp_register_driver, pnp_register_card_driver, isa_register_driver,
	wmi_driver_register, sdio_register_driver, amba_driver_register,
	serdev_device_driver_register, register_rpmsg_driver,
	phy_driver_register, phy_drivers_register};
expression A;
statement S;
position p1;
@@

if (\(R@p1(A, ...)\|R@p1(A, ...) < 0\|R@p1(A, ...) != 0\|unlikely(R@p1(A, ...))\)) S

@script:python pairi@
R << regi.R;
A << regi.A;
p1 << regi.p1;
S << regi.S;
U1;
U2;
U3;
U4;
U5;
O;
@@
tested = PAIRS[R][1] == "arg"
obj = name_of(A)
us = unregisters(R)
coccinelle.U1 = us[0]
coccinelle.U2 = us[-1]
helper = sorted(g for u in us for g in undoers_of(u))
coccinelle.U3 = helper[0] if helper else us[0]
coccinelle.U4 = helper[1] if len(helper) > 1 else us[0]
coccinelle.U5 = helper[2] if len(helper) > 2 else us[0]
# More helpers than the rules can name, or the register retried in its
# own failure branch ('if (err) { ...; err = R(...); }'): not followed.
if len(helper) > 3 or re.search(r"\b%s\s*\(" % R, str(S)):
	obj = None
if guarded_register(p1[0]):
	obj = None
coccinelle.O = obj if tested and obj and re.match(r"^[A-Za-z_]\w*$", obj) else "drvlint_no_object"

@epathi exists@
identifier regi.R;
expression regi.A, E, E2, C2, F;
statement regi.S;
position regi.p1, p2, pg;
identifier pairi.U1, pairi.U2, pairi.U3, pairi.U4, pairi.U5, pairi.O, l, f;
@@

if (\(R@p1(A, ...)\|R@p1(A, ...) < 0\|R@p1(A, ...) != 0\|unlikely(R@p1(A, ...))\)) S
... when != U1(...)
    when != U2(...)
    when != U3(...)
    when != U4(...)
    when != U5(...)
    when != devm_add_action_or_reset(...)
    when != devm_add_action(...)
    when != kref_put(...)
    when != F = O
    when != f(..., A, ...)
(
if (C2) { ... when != U1(...)
              when != U2(...)
              when != U3(...)
              when != U4(...)
              when != U5(...)
              when != kref_put(...)
  return@p2 E2; }
|
return@p2 -E;
|
if (C2) { ... when != U1(...)
              when != U2(...)
              when != U3(...)
              when != U4(...)
              when != U5(...)
              when != kref_put(...)
  goto l@pg; }
)

@script:python@
R << regi.R;
A << regi.A;
O << pairi.O;
p2 << epathi.p2;
C2 << epathi.C2 = "";
E2 << epathi.E2 = "";
@@
if O != "drvlint_no_object" and (not E2 or error_value(E2, C2)):
	record_error_path(R, O, p2[0], A, C2)

@elabeli exists@
identifier epathi.l, pairi.U1, pairi.U2, pairi.U3, pairi.U4, pairi.U5;
expression E3;
position p3;
@@

l:
... when != U1(...)
    when != U2(...)
    when != U3(...)
    when != U4(...)
    when != U5(...)
    when != kref_put(...)
return@p3 E3;

@script:python@
R << regi.R;
A << regi.A;
O << pairi.O;
pg << epathi.pg;
p3 << elabeli.p3;
E3 << elabeli.E3;
@@
if O != "drvlint_no_object" and p3[0].current_element == pg[0].current_element and \
   error_value(E3):
	record_error_path(R, O, p3[0], A)

@script:python depends on org && tok@
@@
for p, msg in error_path_findings():
	cocci.print_main(msg, [p])

@script:python depends on report && tok@
@@
for p, msg in error_path_findings():
	coccilib.report.print_report(p, msg)


// Context mode marks the same places: the register call that exit does
// not undo, the return that misses the unregister.
@script:python ictx depends on context && tok@
p << ireg.p;
@@
if not (any(q.line == p[0].line and q.column == p[0].column and q.file == p[0].file
       for q, _ in init_exit_findings())):
	cocci.include_match(False)

@depends on context && tok@
identifier ireg.R;
position ireg.p;
@@

* R@p(...)

@script:python epath_ctx depends on context && tok@
R << reg.R;
A << reg.A;
O << pair.O;
p2 << epath.p2;
C2 << epath.C2 = "";
E2 << epath.E2 = "";
@@
if not keeps(O, p2[0], A, E2 or "", C2, str(R)):
	cocci.include_match(False)

@depends on context && tok@
position epath.p2;
expression E;
@@

* return@p2 E;

@script:python elabel_ctx depends on context && tok@
R << reg.R;
A << reg.A;
O << pair.O;
pg << epath.pg;
p3 << elabel.p3;
E3 << elabel.E3;
@@
if not (p3[0].current_element == pg[0].current_element and error_value(E3) and
        keeps(O, p3[0], A, R=str(R))):
	cocci.include_match(False)

@depends on context && tok@
position elabel.p3;
expression E;
@@

* return@p3 E;

@script:python epathi_ctx depends on context && tok@
R << regi.R;
A << regi.A;
O << pairi.O;
p2 << epathi.p2;
C2 << epathi.C2 = "";
E2 << epathi.E2 = "";
@@
if not keeps(O, p2[0], A, E2 or "", C2, str(R)):
	cocci.include_match(False)

@depends on context && tok@
position epathi.p2;
expression E;
@@

* return@p2 E;

@script:python elabeli_ctx depends on context && tok@
R << regi.R;
A << regi.A;
O << pairi.O;
pg << epathi.pg;
p3 << elabeli.p3;
E3 << elabeli.E3;
@@
if not (p3[0].current_element == pg[0].current_element and error_value(E3) and
        keeps(O, p3[0], A, R=str(R))):
	cocci.include_match(False)

@depends on context && tok@
position elabeli.p3;
expression E;
@@

* return@p3 E;
