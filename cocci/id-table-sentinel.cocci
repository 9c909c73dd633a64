// SPDX-License-Identifier: GPL-2.0-only
/// Add the zeroed entry that ends a device-id table
///
/// Most device-id tables carry no length: the bus core, the matching
/// helpers (of_match_node(), pci_match_id(), dmi_check_system(), ...) and
/// modpost walk them until an entry that is all zero.  A table without
/// one is read past its end at probe time.  A table needs the entry when
/// it is exported with MODULE_DEVICE_TABLE(), stored in a field that a
/// bus walks (.id_table, .of_match_table, .acpi_match_table, ...), passed
/// to a matching function, or walked by a loop of the file that has no
/// other bound; tables only indexed or bounded by ARRAY_SIZE() are left
/// alone.  Every device-id type of include/linux/mod_devicetable.h is
/// checked.
//
// The types are a copy of drvlint's rules/id-tables.list and the
// consumers of its rules/id-table-walkers.list.  Coccinelle sees every
// #ifdef branch: a sentinel under an option counts as present, and a
// consumer under an option counts as present.
//
// Confidence: High
// Copyright: drvlint contributors
// Options: --no-includes
// Keywords: MODULE_DEVICE_TABLE, id_table, of_match_table, sentinel

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

# Consumers that walk a table to its zeroed entry, in the form of
# rules/id-table-walkers.list: "field NAME", "field STRUCT.NAME",
# "call FUNCTION ARGNO".
WALKERS = """
field of_match_table
field acpi_match_table
field acpi_driver.ids
field acpi_scan_handler.ids
field platform_driver.id_table
field auxiliary_driver.id_table
field pci_driver.id_table
field pci_epf_driver.id_table
field i2c_driver.id_table
field i3c_driver.id_table
field spi_driver.id_table
field usb_driver.id_table
field usb_device_driver.id_table
field usb_serial_driver.id_table
field ulpi_driver.id_table
field typec_altmode_driver.id_table
field hid_driver.id_table
field ishtp_cl_driver.id
field input_handler.id_table
field serio_driver.id_table
field sdio_driver.id_table
field pnp_driver.id_table
field pnp_card_driver.id_table
field pcmcia_driver.id_table
field eisa_driver.id_table
field zorro_driver.id_table
field amba_driver.id_table
field fw_driver.id_table
field ssb_driver.id_table
field bcma_driver.id_table
field virtio_driver.id_table
field vdpa_mgmt_dev.id_table
field hv_driver.id_table
field rpmsg_driver.id_table
field slim_driver.id_table
field apr_driver.id_table
field sdw_driver.id_table
field hdac_driver.id_table
field hda_codec_driver.id
field ipack_driver.id_table
field mei_cl_driver.id_table
field rio_driver.id_table
field mcb_driver.id_table
field fsl_mc_driver.match_id_table
field cdx_driver.match_id_table
field mips_cdmm_driver.id_table
field tb_service_driver.id_table
field tee_client_driver.id_table
field wmi_driver.id_table
field mhi_driver.id_table
field mhi_ep_driver.id_table
field ssam_device_driver.match_table
field dfl_driver.id_table
field coreboot_driver.id_table
field ccw_driver.ids
field ap_driver.ids
field css_driver.subchannel_type
field vio_driver.id_table
field parisc_driver.id_table
field mips_machine.matches
field host1x_driver.subdevs
field saa7146_extension.pci_tbl
field hnae3_ae_algo.pdev_id_table
field hantro_variant.shared_devices
field mtk_mdp_driver_data.mdp_sub_comp_dt_ids
field sdhci_pci_fixes.cd_gpio_override
field config_entry.dmi_table
field rtw89_driver_info.quirks
field scmi_driver.id_table
field greybus_driver.id_table
field gbphy_driver.id_table
field tc_driver.id_table
field tifm_driver.id_table
field memstick_driver.id_table
field peci_driver.id_table
field fsi_driver.id_table
call of_match_node 1
call of_match_device 1
call of_find_matching_node 2
call of_find_matching_node_and_match 2
call of_platform_populate 2
call of_platform_bus_probe 2
call of_irq_init 1
call of_clk_init 1
call i2c_of_match_device 1
call dt_init_idle_driver 2
call acpi_match_device 1
call acpi_match_acpi_device 1
call acpi_match_device_ids 2
call pci_match_id 1
call pci_dev_present 1
call i2c_match_id 1
call i3c_device_match_id 2
call usb_match_id 2
call usb_device_match_id 2
call usb_store_new_id 2
call __usb_serial_register_drivers 4
call hid_match_id 2
call dmi_check_system 1
call dmi_first_match 1
call x86_match_cpu 1
call ssam_device_id_match 1
call ccw_device_id_match 1
call aic_common_of_init 5
call samsung_clk_of_register_fixed_ext 4
call stm32_rcc_init 2
call st_thermal_register 2
call dtpm_create_hierarchy 1
call rtw89_check_quirks 2
call __of_match_node 1
call i2c_of_match_device_sysfs 1
call __acpi_match_device 2
call __acpi_match_device 3
call acpi_of_match_device 2
call do_pci_match_id 1
call pci_epf_match_id 1
call platform_match_id 1
call auxiliary_match_id 1
call spi_match_id 1
call serio_match_port 1
call amba_lookup 1
call zorro_match_device 1
call cdx_match_id 1
call mips_cdmm_lookup 1
call ipack_match_id 1
call rio_match_device 1
call mcb_match_id 1
call slim_match 1
call hv_vmbus_dev_match 1
call vio_match_device 1
"""
# Macros around the table that Coccinelle sees unexpanded: the argument
# that names the table.
MACRO_CALLS = {
	"usb_serial_register_drivers": 3,
	"module_usb_serial_driver": 2,
	"for_each_matching_node": 2,
	"for_each_matching_node_and_match": 2,
}
# Member names too common to trust on assignment, where the structure
# is not known.
GENERIC_FIELDS = {"id", "ids", "matches", "quirks"}

FIELD_ANY, FIELD_OF, CALLS = set(), set(), {}
for line in WALKERS.split("\n"):
	w = line.split()
	if len(w) == 2 and w[0] == "field":
		if "." in w[1]:
			FIELD_OF.add(tuple(w[1].split(".")))
		else:
			FIELD_ANY.add(w[1])
	elif len(w) == 3 and w[0] == "call":
		CALLS.setdefault(w[1], set()).add(int(w[2]))
for name, arg in MACRO_CALLS.items():
	CALLS.setdefault(name, set()).add(arg)
FIELD_NAMES = FIELD_ANY | {f for _, f in FIELD_OF}
# The types of rules/id-tables.list: their tables are found by type.
LISTED = set("""pci_device_id ieee1394_device_id usb_device_id
hid_device_id ccw_device_id ap_device_id css_device_id acpi_device_id
pnp_device_id pnp_card_device_id serio_device_id hda_device_id
sdw_device_id of_device_id vio_device_id pcmcia_device_id
input_device_id eisa_device_id parisc_device_id sdio_device_id
ssb_device_id bcma_device_id virtio_device_id hv_vmbus_device_id
rpmsg_device_id i2c_device_id pci_epf_device_id i3c_device_id
spi_device_id slim_device_id apr_device_id spmi_device_id dmi_system_id
platform_device_id mdio_device_id zorro_device_id isapnp_device_id
amba_id mips_cdmm_device_id x86_cpu_id ipack_device_id mei_cl_device_id
rio_device_id mcb_device_id ulpi_device_id fsl_mc_device_id
tb_service_id typec_device_id tee_client_device_id wmi_device_id
mhi_device_id auxiliary_device_id ssam_device_id dfl_device_id
ishtp_device_id cdx_device_id vchiq_device_id coreboot_device_id""".split())

Q, QQ, BACKSLASH, SLASH = chr(39), chr(34), chr(92), chr(47)
# A C comment, spelled so that no line of this script holds two slashes.
COMMENT = SLASH + r"\*.*?\*" + SLASH + "|" + SLASH + SLASH + r"[^\n]*"
ZERO = {"0", "0x0", "0x00", "NULL", QQ + QQ, Q + "\\0" + Q, "false", "{", "}", ","}

# Per file: tables that lack the entry, what consumes them, and the facts
# that tell whether a call, a pointer or a loop reaches one.
state = {"file": None}
tables, consumers, sources, unfixable = {}, {}, {}, set()
# Tables of a type the list does not name, found by their use: exported,
# or stored in a member named with its structure.
by_use, exported, in_field, said = set(), set(), set(), set()
calls, aliases, params, loops, arrays = [], [], {}, [], []
resolved = []

def start_file(path):
	"""Forget the facts of the previous file."""
	if state["file"] == path:
		return
	state["file"] = path
	for d in (tables, consumers, sources, params, unfixable, by_use,
		  exported, in_field, said):
		d.clear()
	for l in (calls, aliases, loops, arrays):
		del l[:]
	del resolved[:]

def source(path):
	"""The text of a file and its object-like #defines, name -> body."""
	if path not in sources:
		try:
			text = open(path, errors="replace").read()
		except OSError:
			text = ""
		d = {}
		for m in re.finditer(r"(?m)^[ \t]*#[ \t]*define[ \t]+(\w+)(?!\()[ \t]((?:[^\n]*\\\n)*[^\n]*)",
				     text):
			body = m.group(2).replace("\\\n", " ")
			d[m.group(1)] = re.sub(COMMENT, " ", body).strip()
		fm = {}
		for m in re.finditer(r"(?m)^[ \t]*#[ \t]*define[ \t]+(\w+)\(([^)]*)\)((?:[^\n]*\\\n)*[^\n]*)",
				     text):
			fm[m.group(1)] = ([a.strip() for a in m.group(2).split(",")],
					  m.group(3).replace("\\\n", " "))
		sources[path] = (text.split("\n"), d, fm)
	return sources[path]

def array_size(pos):
	"""What stands between the brackets after a table's name."""
	lines = source(pos.file)[0]
	line, col = int(pos.line) - 1, int(pos.column_end)
	rest = "\n".join(lines[line:line + 3])[col:]
	m = re.match(r"\s*\[([^\]]*)\]", rest)
	return m.group(1).strip() if m else ""

def ends_in_conditional(pos):
	"""Does the initializer end inside an #if, so that an entry added
	after the last one would be compiled out with it?"""
	lines = source(pos.file)[0]
	text = "\n".join(lines[int(pos.line) - 1:])[int(pos.column_end):]
	text = re.sub(COMMENT, " ", text, flags=re.S)
	start = text.find("{")
	depth, i = 0, start
	while 0 <= i < len(text):
		if text[i] == QQ:
			i = text.find(QQ, i + 1)
			while i > 0 and text[i - 1] == BACKSLASH:
				i = text.find(QQ, i + 1)
		elif text[i] == "{":
			depth += 1
		elif text[i] == "}":
			depth -= 1
			if depth == 0:
				return re.search(r"\n[ \t]*#[ \t]*(endif|else|elif)\b[^\n]*\s*$",
						 text[start:i]) is not None
		i += 1
	return False

def clean(text):
	text = re.sub(r"/\*.*?\*/", " ", str(text), flags=re.S)
	return re.sub(r"(?m)^\s*#.*$", " ", text).strip()

def split_top(text):
	"""The comma-separated parts of text outside brackets."""
	out, depth, cur = [], 0, ""
	for ch in text:
		if ch in "([{":
			depth += 1
		elif ch in ")]}":
			depth -= 1
		if ch == "," and depth == 0:
			out.append(cur.strip())
			cur = ""
		else:
			cur += ch
	out.append(cur.strip())
	return [e for e in out if e]

def expand(elem, defs, depth=0):
	"""The elements an element written as an object-like macro stands for."""
	if depth < 4 and re.fullmatch(r"[A-Za-z_]\w*", elem) and elem in defs:
		out = []
		for e in split_top(defs[elem]):
			out += expand(e, defs, depth + 1)
		return out
	return [elem]

def evaluate(expr, defs):
	"""An integer constant expression, or None."""
	expr = str(expr)
	for _ in range(4):
		expr = re.sub(r"\b[A-Za-z_]\w*\b",
			      lambda m: "(%s)" % defs[m.group(0)] if m.group(0) in defs else m.group(0), expr)
	expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b", r"\1", expr)
	if not re.fullmatch(r"[\s\d()+\-*/xXa-fA-F<>|&]*", expr):
		return None
	try:
		return int(eval(expr.replace(SLASH, SLASH + SLASH), {"__builtins__": {}}))
	except Exception:
		return None

def all_zero(elem, defs):
	"""Is an initializer element the all-zero entry?"""
	text = re.sub(r"\.\s*\w+\s*=", " ", elem)
	text = re.sub(r"\[[^\]]*\]\s*=", " ", text)
	text = re.sub(r"\(\s*void\s*\*\s*\)", " ", text)
	words = re.findall(QQ + r"(?:[^\\\x22]|\\.)*" + QQ + "|" + Q + r"(?:[^\\\x27]|\\.)*" + Q + r"|\w+|\S", text)
	if not words:
		return True
	if len(words) == 1 and re.fullmatch(r"[A-Za-z_]\w*", words[0]):
		# A macro from a header that Coccinelle does not read: trust
		# its name.
		return words[0].endswith("END")
	return all(w in ZERO for w in words)

def sentinel_missing(IL, N, path):
	"""Does a table lack the all-zero last entry?"""
	defs = source(path)[1]
	elems = []
	for e in IL.elements:
		e = clean(e)
		if e:
			elems += expand(e, defs)
	# Index designators: the element of the highest index is the last.
	index, last, highest = 0, None, -1
	for e in elems:
		m = re.match(r"\[([^\]]*)\]\s*=", e)
		if m:
			index = evaluate(m.group(1), defs)
			if index is None:
				return False
		if index > highest:
			highest, last = index, e
		index += 1
	size = highest + 1
	if N:
		n = evaluate(N, defs)
		if n is None or n > size:
			return False
	# A last element that is a bare name is a macro of a header (spatch
	# runs without them): PCMCIA_DEVICE_NULL is the sentinel, radeon_PCI_IDS
	# a whole list ending in one.  What it stands for is unknown.
	if last is not None and re.fullmatch(r"[A-Za-z_]\w*", last):
		return False
	# The same inside braces: "{ ISAPNP_CARD_END, }".
	inner = [w for w in re.split(r"[{},\s]+", last or "") if w]
	if len(inner) == 1 and re.fullmatch(r"[A-Za-z_]\w*", inner[0]) and \
	   inner[0] not in ZERO and inner[0] not in defs:
		return False
	return last is None or not all_zero(last, defs)

def record_table(I, p, IL):
	start_file(p[0].file)
	size = array_size(p[0])
	if sentinel_missing(IL, size, p[0].file):
		tables.setdefault(I, []).append(p[0])
		# An entry added after the last one would not fit an array of
		# a given size, nor follow the highest index of designators.
		if size or any(re.match(r"\s*\[", str(e)) for e in IL.elements) or \
		   ends_in_conditional(p[0]):
			unfixable.add(I)
		return True
	return False

def consume(name, pos, how, what):
	if name in tables:
		consumers.setdefault(name, []).append((int(pos.line), int(pos.column), how, what))

def walked_call(f, argno, depth=0):
	"""Does f walk its argno-th argument: a listed walker, or a macro of
	the file that hands that parameter to one?"""
	if argno in CALLS.get(f, ()):
		return True
	macro = source(state["file"])[2].get(f) if state["file"] else None
	if not macro or depth > 2 or argno > len(macro[0]):
		return False
	prm = macro[0][argno - 1]
	for m in re.finditer(r"\b(\w+)\s*\(", macro[1]):
		depth_, i, args, cur = 1, m.end(), [], ""
		while i < len(macro[1]) and depth_:
			ch = macro[1][i]
			depth_ += ch in "([{"
			depth_ -= ch in ")]}"
			if depth_ and not (ch == "," and depth_ == 1):
				cur += ch
			elif depth_:
				args.append(cur.strip())
				cur = ""
			i += 1
		args.append(cur.strip())
		for k, a in enumerate(args):
			if a.strip("() ") == prm and walked_call(m.group(1), k + 1, depth + 1):
				return True
	return False

def where(pos):
	return (int(pos.line), int(pos.column))

def resolve():
	"""Tables reached through calls, pointers, helpers and loops."""
	if resolved:
		return
	resolved.append(True)
	def names(fn, w, pos):
		# The tables w stands for at pos in function fn: itself, or
		# what the last store into it before pos put there.
		if w in tables:
			return {w}
		last = None
		for afn, a, v, apos in aliases:
			if afn == fn and a == w and where(apos) <= where(pos):
				if last is None or where(apos) >= where(last[1]):
					last = (v, apos)
		return {last[0]} if last and last[0] in tables else set()
	def param_walked(f, argno):
		prm = params.get((f, argno))
		if not prm:
			return False
		return any(fn == f and w == prm for fn, w, _ in loops) or \
			any(fn == f and w == prm and walked_call(g, n)
			    for g, n, w, fn, _ in calls)
	for f, argno, w, fn, pos in calls:
		if walked_call(f, argno) or param_walked(f, argno):
			for t in names(fn, w, pos):
				consume(t, pos, "call", f)
	for fn, w, pos in loops:
		for t in names(fn, w, pos):
			consume(t, pos, "loop", fn)
	for fn, a, pos in arrays:
		if a in tables:
			consume(a, pos, "loop", fn)

def message(name):
	line, col, how, what = sorted(consumers[name])[0]
	if how == "call":
		return "'%s' has no terminating '{ }' entry, but %s() walks it until one" % (name, what)
	if how == "field":
		return "'%s' has no terminating '{ }' entry, but it is stored in '.%s', which is walked until one" % (name, what)
	if how == "loop":
		return "'%s' has no terminating '{ }' entry, but a loop in %s() walks it until one" % (name, what)
	if name in by_use:
		return "'%s' has no terminating '{ }' entry, but it is exported with MODULE_DEVICE_TABLE(), which makes it a device-id table: its bus walks it until one" % name
	return "'%s' has no terminating '{ }' entry, but it is exported with MODULE_DEVICE_TABLE(), which needs one (modpost rejects it in modular builds)" % name

BOUND = re.compile(r"<|>|==|!=|\b\w+\s*\(")

def unbounded(cond):
	"""A loop condition that only reads entries: no comparison, no call."""
	return not BOUND.search(str(cond).replace("->", "."))

// The tables.  The types are spelled out so that spatch skips the files
// that name none of them.
// The tables, in two rules where one would do, for speed: the first finds
// them (a set of types is one pattern), the second names the types again
// as a disjunction, only at the tables the first found, so that spatch
// skips the files that name none of them (a disjunction of 58 types is 58
// patterns, each tried on every declaration of the file).
@tbl0@
type T = {struct pci_device_id, struct ieee1394_device_id,
	struct usb_device_id, struct hid_device_id, struct ccw_device_id,
	struct ap_device_id, struct css_device_id, struct acpi_device_id,
	struct pnp_device_id, struct pnp_card_device_id, struct serio_device_id,
	struct hda_device_id, struct sdw_device_id, struct of_device_id,
	struct vio_device_id, struct pcmcia_device_id, struct input_device_id,
	struct eisa_device_id, struct parisc_device_id, struct sdio_device_id,
	struct ssb_device_id, struct bcma_device_id, struct virtio_device_id,
	struct hv_vmbus_device_id, struct rpmsg_device_id, struct i2c_device_id,
	struct pci_epf_device_id, struct i3c_device_id, struct spi_device_id,
	struct slim_device_id, struct apr_device_id, struct spmi_device_id,
	struct dmi_system_id, struct platform_device_id, struct mdio_device_id,
	struct zorro_device_id, struct isapnp_device_id, struct amba_id,
	struct mips_cdmm_device_id, struct x86_cpu_id, struct ipack_device_id,
	struct mei_cl_device_id, struct rio_device_id, struct mcb_device_id,
	struct ulpi_device_id, struct fsl_mc_device_id, struct tb_service_id,
	struct typec_device_id, struct tee_client_device_id, struct wmi_device_id,
	struct mhi_device_id, struct auxiliary_device_id,
	struct ssam_device_id, struct dfl_device_id, struct ishtp_device_id,
	struct cdx_device_id, struct vchiq_device_id, struct coreboot_device_id};
identifier I;
position p;
initializer list IL;
@@

T I@p[...] = { IL };

@tbl@
identifier tbl0.I;
position tbl0.p;
initializer list tbl0.IL;
@@

struct \(pci_device_id\|ieee1394_device_id\|usb_device_id\|
	hid_device_id\|ccw_device_id\|ap_device_id\|css_device_id\|
	acpi_device_id\|pnp_device_id\|pnp_card_device_id\|
	serio_device_id\|hda_device_id\|sdw_device_id\|of_device_id\|
	vio_device_id\|pcmcia_device_id\|input_device_id\|
	eisa_device_id\|parisc_device_id\|sdio_device_id\|
	ssb_device_id\|bcma_device_id\|virtio_device_id\|
	hv_vmbus_device_id\|rpmsg_device_id\|i2c_device_id\|
	pci_epf_device_id\|i3c_device_id\|spi_device_id\|
	slim_device_id\|apr_device_id\|spmi_device_id\|dmi_system_id\|
	platform_device_id\|mdio_device_id\|zorro_device_id\|
	isapnp_device_id\|amba_id\|mips_cdmm_device_id\|x86_cpu_id\|
	ipack_device_id\|mei_cl_device_id\|rio_device_id\|
	mcb_device_id\|ulpi_device_id\|fsl_mc_device_id\|tb_service_id\|
	typec_device_id\|tee_client_device_id\|wmi_device_id\|
	mhi_device_id\|auxiliary_device_id\|ssam_device_id\|
	dfl_device_id\|ishtp_device_id\|cdx_device_id\|vchiq_device_id\|
	coreboot_device_id\) I@p[...] = { IL };

@script:python need depends on tbl@
I << tbl0.I;
p << tbl0.p;
IL << tbl0.IL;
J;
@@
if record_table(I, p, IL):
	coccinelle.J = I
else:
	cocci.include_match(False)

// Tables by use: an array of a type the list does not name is an id
// table when MODULE_DEVICE_TABLE() exports it or it initialises a member
// that the walkers list names with its structure (scmi_driver.id_table).
@udt@
declarer name MODULE_DEVICE_TABLE;
identifier x, V;
position pu;
@@

MODULE_DEVICE_TABLE@pu(x, V);

@script:python@
V << udt.V;
pu << udt.pu;
@@
start_file(pu[0].file)
exported.add(V)

// Every member of FIELD_OF whose type the list does not name is an
// id_table; spelled out, the word keeps spatch's file selection.
@ufld@
identifier s, D, V;
position pu;
@@

struct s D = { ..., .id_table@pu = \(V\|&V[0]\), ... };

@script:python@
s << ufld.s;
V << ufld.V;
pu << ufld.pu;
@@
start_file(pu[0].file)
if (s, "id_table") in FIELD_OF:
	in_field.add(V)

// No match is dropped from here on (cocci.include_match(False) would
// drop the tables of the listed types found above with it): the tables
// are kept in by_use and reported by the last rules.
@utbl@
identifier V = {udt.V, ufld.V};
type T;
position p;
initializer list IL;
@@

T V@p[...] = { IL };

@script:python needu@
T << utbl.T;
I << utbl.V;
p << utbl.p;
IL << utbl.IL;
@@
if re.fullmatch(r"(const\s+)?struct\s+\w+(\s+const)?", T) and \
   re.sub(r"\b(const|struct)\b|\s", "", T) not in LISTED and \
   (I in exported or I in in_field) and record_table(I, p, IL):
	by_use.add(I)

// Consumers: exported, stored in a walked field, handed to a walker.
@mdt depends on need || needu@
declarer name MODULE_DEVICE_TABLE;
identifier x, V;
position pc;
@@

MODULE_DEVICE_TABLE@pc(x, V);

@script:python@
x << mdt.x;
V << mdt.V;
pc << mdt.pc;
@@
consume(V, pc[0], "export", x)

@usbser depends on need || needu@
declarer name module_usb_serial_driver;
identifier x, V;
position pc;
@@

module_usb_serial_driver@pc(x, V);

@script:python@
V << usbser.V;
pc << usbser.pc;
@@
consume(V, pc[0], "call", "module_usb_serial_driver")

@fld depends on need || needu@
identifier s, D, f, g, V;
position pc;
@@

(
struct s D = { ..., .f@pc = \(V\|&V[0]\|of_match_ptr(V)\|ACPI_PTR(V)\), ... };
|
struct s D = { ..., .g = { ..., .f@pc = \(V\|&V[0]\|of_match_ptr(V)\|ACPI_PTR(V)\), ... }, ... };
)

@script:python@
s << fld.s;
f << fld.f;
V << fld.V;
pc << fld.pc;
@@
if f in FIELD_ANY or (s, f) in FIELD_OF:
	consume(V, pc[0], "field", f)

@script:python@
s << fld.s;
g << fld.g;
f << fld.f;
V << fld.V;
pc << fld.pc;
@@
if f in FIELD_ANY or (f in FIELD_NAMES and f not in GENERIC_FIELDS):
	consume(V, pc[0], "field", f)

@asg depends on need || needu@
expression E;
identifier f, V;
position pc;
@@

(
E.f@pc = \(V\|&V[0]\|of_match_ptr(V)\|ACPI_PTR(V)\)
|
E->f@pc = \(V\|&V[0]\|of_match_ptr(V)\|ACPI_PTR(V)\)
)

@script:python@
f << asg.f;
V << asg.V;
pc << asg.pc;
@@
if f in FIELD_NAMES and f not in GENERIC_FIELDS:
	consume(V, pc[0], "field", f)

@call depends on need || needu@
identifier f, V;
expression list[n] es;
position pc;
@@

f@pc(es, \(V\|&V[0]\|of_match_ptr(V)\|ACPI_PTR(V)\), ...)

@script:python@
f << call.f;
n << call.n;
V << call.V;
pc << call.pc;
@@
calls.append((f, int(n) + 1, V, pc[0].current_element, pc[0]))

@iter depends on need || needu@
iterator name for_each_matching_node, for_each_matching_node_and_match;
identifier V;
expression E, M;
statement S;
position pc;
@@

(
for_each_matching_node@pc(E, V) S
|
for_each_matching_node_and_match@pc(E, V, M) S
)

@script:python@
V << iter.V;
pc << iter.pc;
@@
consume(V, pc[0], "call", "for_each_matching_node")

// A pointer between a table and its walker.
@alias depends on need || needu@
identifier W, V;
position pa;
@@

W@pa = \(V\|&V[0]\)

@script:python@
W << alias.W;
V << alias.V;
pa << alias.pa;
@@
fn = pa[0].current_element
aliases.append((fn, W, V, pa[0]))

@alias_decl depends on need || needu@
identifier W, V;
type T;
position pa;
@@

T W@pa = \(V\|&V[0]\);

@script:python@
W << alias_decl.W;
V << alias_decl.V;
pa << alias_decl.pa;
@@
fn = pa[0].current_element
aliases.append((fn, W, V, pa[0]))

@param depends on need || needu@
identifier fn, prm;
type T;
parameter list[n] ps;
position pp;
@@

fn@pp(ps, T prm, ...) { ... }

@script:python@
fn << param.fn;
prm << param.prm;
n << param.n;
@@
params[(fn, int(n) + 1)] = prm

// Loops that run until an entry ends them, with no other bound.
@ploop depends on need || needu@
identifier W;
expression E, C;
statement S;
position pl;
@@

(
for (E; C@pl; \(W++\|++W\|W += 1\)) S
|
for (; C@pl; \(W++\|++W\|W += 1\)) S
)

@script:python@
W << ploop.W;
C << ploop.C;
pl << ploop.pl;
@@
fn = pl[0].current_element
if unbounded(C):
	if re.search(r"\b%s\s*(->|\[)" % re.escape(W), C):
		loops.append((fn, W, pl[0]))
	for a in re.findall(r"\b(\w+)\s*\[\s*%s\s*\]" % re.escape(W), C):
		arrays.append((fn, a, pl[0]))

@wloop depends on need || needu@
expression C;
statement S;
position pl;
@@

while (C@pl) S

@script:python@
C << wloop.C;
S << wloop.S;
pl << wloop.pl;
@@
fn = pl[0].current_element
if unbounded(C):
	for W in set(re.findall(r"\b(\w+)\s*(?:->|\[)", C)):
		w = re.escape(W)
		if re.search(r"\b%s\s*(\+\+|\+=\s*1\b)|\+\+\s*%s\b" % (w, w), S):
			loops.append((fn, W, pl[0]))

// The tables that lack the entry and need it.
@script:python keep@
J << need.J;
K;
@@
resolve()
if J in consumers:
	coccinelle.K = J
else:
	cocci.include_match(False)

@script:python fixable depends on patch && tbl@
K << keep.K;
F;
@@
if K in unfixable:
	cocci.include_match(False)
else:
	coccinelle.F = K

@fix depends on patch && tbl@
identifier fixable.F;
initializer list IL;
initializer X;
@@

struct \(pci_device_id\|ieee1394_device_id\|usb_device_id\|
	hid_device_id\|ccw_device_id\|ap_device_id\|css_device_id\|
	acpi_device_id\|pnp_device_id\|pnp_card_device_id\|
	serio_device_id\|hda_device_id\|sdw_device_id\|of_device_id\|
	vio_device_id\|pcmcia_device_id\|input_device_id\|
	eisa_device_id\|parisc_device_id\|sdio_device_id\|
	ssb_device_id\|bcma_device_id\|virtio_device_id\|
	hv_vmbus_device_id\|rpmsg_device_id\|i2c_device_id\|
	pci_epf_device_id\|i3c_device_id\|spi_device_id\|
	slim_device_id\|apr_device_id\|spmi_device_id\|dmi_system_id\|
	platform_device_id\|mdio_device_id\|zorro_device_id\|
	isapnp_device_id\|amba_id\|mips_cdmm_device_id\|x86_cpu_id\|
	ipack_device_id\|mei_cl_device_id\|rio_device_id\|
	mcb_device_id\|ulpi_device_id\|fsl_mc_device_id\|tb_service_id\|
	typec_device_id\|tee_client_device_id\|wmi_device_id\|
	mhi_device_id\|auxiliary_device_id\|ssam_device_id\|
	dfl_device_id\|ishtp_device_id\|cdx_device_id\|vchiq_device_id\|
	coreboot_device_id\) F[] = {
	IL,
	X,
+	{ }
};

@ctx depends on context && tbl@
identifier keep.K;
initializer list IL;
initializer X;
@@

struct \(pci_device_id\|ieee1394_device_id\|usb_device_id\|
	hid_device_id\|ccw_device_id\|ap_device_id\|css_device_id\|
	acpi_device_id\|pnp_device_id\|pnp_card_device_id\|
	serio_device_id\|hda_device_id\|sdw_device_id\|of_device_id\|
	vio_device_id\|pcmcia_device_id\|input_device_id\|
	eisa_device_id\|parisc_device_id\|sdio_device_id\|
	ssb_device_id\|bcma_device_id\|virtio_device_id\|
	hv_vmbus_device_id\|rpmsg_device_id\|i2c_device_id\|
	pci_epf_device_id\|i3c_device_id\|spi_device_id\|
	slim_device_id\|apr_device_id\|spmi_device_id\|dmi_system_id\|
	platform_device_id\|mdio_device_id\|zorro_device_id\|
	isapnp_device_id\|amba_id\|mips_cdmm_device_id\|x86_cpu_id\|
	ipack_device_id\|mei_cl_device_id\|rio_device_id\|
	mcb_device_id\|ulpi_device_id\|fsl_mc_device_id\|tb_service_id\|
	typec_device_id\|tee_client_device_id\|wmi_device_id\|
	mhi_device_id\|auxiliary_device_id\|ssam_device_id\|
	dfl_device_id\|ishtp_device_id\|cdx_device_id\|vchiq_device_id\|
	coreboot_device_id\) K[...] = {
	IL,
*	X
};

@script:python depends on org && tbl@
K << keep.K;
@@
for p in tables[K]:
	cocci.print_main(message(K), [p])

@script:python depends on report && tbl@
K << keep.K;
@@
for p in tables[K]:
	coccilib.report.print_report(p, message(K))

@script:python depends on org && utbl@
@@
resolve()
for K in sorted(by_use - said):
	said.add(K)
	for p in tables[K] if K in consumers else []:
		cocci.print_main(message(K), [p])

@script:python depends on report && utbl@
@@
resolve()
for K in sorted(by_use - said):
	said.add(K)
	for p in tables[K] if K in consumers else []:
		coccilib.report.print_report(p, message(K))
