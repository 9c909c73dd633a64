// SPDX-License-Identifier: GPL-2.0-only
/// Make driver-model objects that nothing writes const
///
/// A file-scope object of a driver-model type (struct bus_type, class,
/// device_type, kobj_type, attribute_group, dev_pm_ops, an ops table, ...)
/// that is never written can be declared const: it then sits in .rodata,
/// where neither a stray write nor an attacker can change its function
/// pointers.  Only static objects are considered, and only when nothing in
/// the file assigns them or one of their members, increments them, or takes
/// their address other than to compare it or to store it in a pointer to
/// const.  An address handed to any function blocks the object, since the
/// parameter may not be const.
//
// The struct types are a copy of drvlint's rules/const-structs.list.
// Objects placed in a section of their own (__ro_after_init,
// __read_mostly, __section(), __initdata, ...) are left alone: const data
// in a writable section is a section type conflict.
//
// Confidence: High
// Copyright: drvlint contributors
// Options: --no-includes --include-headers
// Keywords: const, driver model, bus_type, class, attribute_group

virtual patch
virtual context
virtual org
virtual report

@r disable optional_qualifier@
identifier I, t =~ "^(attribute_group|bin_attribute|bus_type|class|device_type|dev_pm_ops|kobj_type|kset_uevent_ops|sysfs_ops|software_node|property_entry|hid_ll_driver|i2c_algorithm|i2c_adapter_quirks|i2c_lock_operations|irq_chip|irq_domain_ops|gpio_chip|pinctrl_desc|power_supply_desc|regulator_desc|thermal_zone_device_ops|watchdog_info|input_device_id|serio_device_id|rtc_class_ops|hwmon_chip_info|hwmon_channel_info|hwmon_ops|acpi_dock_ops|address_space_operations|backlight_ops|block_device_operations|clk_ops|comedi_lrange|component_ops|dentry_operations|dma_map_ops|driver_info|drm_connector_funcs|drm_encoder_funcs|drm_encoder_helper_funcs|dvb_frontend_ops|dvb_tuner_ops|ethtool_ops|extent_io_ops|fb_ops|file_lock_operations|file_operations|hv_ops|ib_device_ops|ide_dma_ops|ide_port_ops|ieee80211_ops|iio_buffer_setup_ops|inode_operations|intel_dvo_dev_ops|item_operations|iwl_cfg|iwl_ops|kernel_param_ops|kgdb_arch|kgdb_io|lcd_ops|lock_manager_operations|machine_desc|microcode_ops|mlxsw_reg_info|mtd_ooblayout_ops|mtrr_ops|nand_controller_ops|neigh_ops|net_device_ops|nft_expr_ops|nlmsvc_binding|nvkm_device_chip|of_device_id|pci_raw_ops|phy_ops|pinconf_ops|pinctrl_ops|pinmux_ops|pipe_buf_operations|platform_hibernation_ops|platform_suspend_ops|proc_ops|proto_ops|pwm_ops|reg_default|reg_field|reg_sequence|regmap_access_table|regmap_bus|regmap_config|regmap_irq|regmap_irq_chip|regmap_irq_sub_irq_map|regmap_range|regmap_range_cfg|regulator_ops|reset_control_ops|rpc_pipe_ops|sd_desc|sdhci_ops|seq_operations|sirfsoc_padmux|snd_ac97_build_ops|snd_pcm_ops|snd_rawmidi_ops|snd_soc_component_driver|snd_soc_dai_ops|snd_soc_ops|snd_soc_tplg_ops|soc_pcmcia_socket_ops|stacktrace_ops|tty_operations|uart_ops|usb_mon_operations|v4l2_ctrl_ops|v4l2_ioctl_ops|v4l2_subdev_core_ops|v4l2_subdev_internal_ops|v4l2_subdev_ops|v4l2_subdev_pad_ops|v4l2_subdev_video_ops|vb2_ops|vm_operations_struct|wacom_features|watchdog_ops|wd_ops|xattr_handler)$";
position p;
expression N;
@@

(
static struct t I@p = { ... };
|
static struct t I@p[] = { ... };
|
static struct t I@p[N] = { ... };
)

// The struct types are spelled out once more, so that spatch skips the
// files that name none of them.  They are named only at the objects rule
// r found: a disjunction of a hundred types is a hundred patterns, each
// tried on every declaration of a file, several times slower than the
// one pattern of r.
@tok@
identifier r.I;
position r.p;
@@

(
static struct \(attribute_group\|bin_attribute\|bus_type\|class\|device_type\|
	dev_pm_ops\|kobj_type\|kset_uevent_ops\|sysfs_ops\|software_node\|
	property_entry\|hid_ll_driver\|i2c_algorithm\|i2c_adapter_quirks\|
	i2c_lock_operations\|irq_chip\|irq_domain_ops\|gpio_chip\|
	pinctrl_desc\|power_supply_desc\|regulator_desc\|
	thermal_zone_device_ops\|watchdog_info\|input_device_id\|
	serio_device_id\|rtc_class_ops\|hwmon_chip_info\|
	hwmon_channel_info\|hwmon_ops\|acpi_dock_ops\|
	address_space_operations\|backlight_ops\|block_device_operations\|
	clk_ops\|comedi_lrange\|component_ops\|dentry_operations\|
	dma_map_ops\|driver_info\|drm_connector_funcs\|drm_encoder_funcs\|
	drm_encoder_helper_funcs\|dvb_frontend_ops\|dvb_tuner_ops\|
	ethtool_ops\|extent_io_ops\|fb_ops\|file_lock_operations\|
	file_operations\|hv_ops\|ib_device_ops\|ide_dma_ops\|
	ide_port_ops\|ieee80211_ops\|iio_buffer_setup_ops\|
	inode_operations\|intel_dvo_dev_ops\|item_operations\|iwl_cfg\|
	iwl_ops\|kernel_param_ops\|kgdb_arch\|kgdb_io\|lcd_ops\|
	lock_manager_operations\|machine_desc\|microcode_ops\|
	mlxsw_reg_info\|mtd_ooblayout_ops\|mtrr_ops\|nand_controller_ops\|
	neigh_ops\|net_device_ops\|nft_expr_ops\|nlmsvc_binding\|
	nvkm_device_chip\|of_device_id\|pci_raw_ops\|phy_ops\|
	pinconf_ops\|pinctrl_ops\|pinmux_ops\|pipe_buf_operations\|
	platform_hibernation_ops\|platform_suspend_ops\|proc_ops\|
	proto_ops\|pwm_ops\|reg_default\|reg_field\|reg_sequence\|
	regmap_access_table\|regmap_bus\|regmap_config\|regmap_irq\|
	regmap_irq_chip\|regmap_irq_sub_irq_map\|regmap_range\|
	regmap_range_cfg\|regulator_ops\|reset_control_ops\|rpc_pipe_ops\|
	sd_desc\|sdhci_ops\|seq_operations\|sirfsoc_padmux\|
	snd_ac97_build_ops\|snd_pcm_ops\|snd_rawmidi_ops\|
	snd_soc_component_driver\|snd_soc_dai_ops\|snd_soc_ops\|
	snd_soc_tplg_ops\|soc_pcmcia_socket_ops\|stacktrace_ops\|
	tty_operations\|uart_ops\|usb_mon_operations\|v4l2_ctrl_ops\|
	v4l2_ioctl_ops\|v4l2_subdev_core_ops\|v4l2_subdev_internal_ops\|
	v4l2_subdev_ops\|v4l2_subdev_pad_ops\|v4l2_subdev_video_ops\|
	vb2_ops\|vm_operations_struct\|wacom_features\|watchdog_ops\|
	wd_ops\|xattr_handler\) I@p = { ... };
|
static struct \(attribute_group\|bin_attribute\|bus_type\|class\|device_type\|
	dev_pm_ops\|kobj_type\|kset_uevent_ops\|sysfs_ops\|software_node\|
	property_entry\|hid_ll_driver\|i2c_algorithm\|i2c_adapter_quirks\|
	i2c_lock_operations\|irq_chip\|irq_domain_ops\|gpio_chip\|
	pinctrl_desc\|power_supply_desc\|regulator_desc\|
	thermal_zone_device_ops\|watchdog_info\|input_device_id\|
	serio_device_id\|rtc_class_ops\|hwmon_chip_info\|
	hwmon_channel_info\|hwmon_ops\|acpi_dock_ops\|
	address_space_operations\|backlight_ops\|block_device_operations\|
	clk_ops\|comedi_lrange\|component_ops\|dentry_operations\|
	dma_map_ops\|driver_info\|drm_connector_funcs\|drm_encoder_funcs\|
	drm_encoder_helper_funcs\|dvb_frontend_ops\|dvb_tuner_ops\|
	ethtool_ops\|extent_io_ops\|fb_ops\|file_lock_operations\|
	file_operations\|hv_ops\|ib_device_ops\|ide_dma_ops\|
	ide_port_ops\|ieee80211_ops\|iio_buffer_setup_ops\|
	inode_operations\|intel_dvo_dev_ops\|item_operations\|iwl_cfg\|
	iwl_ops\|kernel_param_ops\|kgdb_arch\|kgdb_io\|lcd_ops\|
	lock_manager_operations\|machine_desc\|microcode_ops\|
	mlxsw_reg_info\|mtd_ooblayout_ops\|mtrr_ops\|nand_controller_ops\|
	neigh_ops\|net_device_ops\|nft_expr_ops\|nlmsvc_binding\|
	nvkm_device_chip\|of_device_id\|pci_raw_ops\|phy_ops\|
	pinconf_ops\|pinctrl_ops\|pinmux_ops\|pipe_buf_operations\|
	platform_hibernation_ops\|platform_suspend_ops\|proc_ops\|
	proto_ops\|pwm_ops\|reg_default\|reg_field\|reg_sequence\|
	regmap_access_table\|regmap_bus\|regmap_config\|regmap_irq\|
	regmap_irq_chip\|regmap_irq_sub_irq_map\|regmap_range\|
	regmap_range_cfg\|regulator_ops\|reset_control_ops\|rpc_pipe_ops\|
	sd_desc\|sdhci_ops\|seq_operations\|sirfsoc_padmux\|
	snd_ac97_build_ops\|snd_pcm_ops\|snd_rawmidi_ops\|
	snd_soc_component_driver\|snd_soc_dai_ops\|snd_soc_ops\|
	snd_soc_tplg_ops\|soc_pcmcia_socket_ops\|stacktrace_ops\|
	tty_operations\|uart_ops\|usb_mon_operations\|v4l2_ctrl_ops\|
	v4l2_ioctl_ops\|v4l2_subdev_core_ops\|v4l2_subdev_internal_ops\|
	v4l2_subdev_ops\|v4l2_subdev_pad_ops\|v4l2_subdev_video_ops\|
	vb2_ops\|vm_operations_struct\|wacom_features\|watchdog_ops\|
	wd_ops\|xattr_handler\) I@p[...] = { ... };
)

@arr@
identifier r.I, r.t;
expression N;
@@

(
static struct t I[] = { ... };
|
static struct t I[N] = { ... };
)

// Writes: to the object, a member or an element, also through their
// address, and WRITE_ONCE().
@written@
identifier r.I;
identifier f;
expression E;
assignment operator aop;
@@

(
 (<+... I ...+>) aop E
|
 (<+... I ...+>)++
|
 ++(<+... I ...+>)
|
 (<+... I ...+>)--
|
 --(<+... I ...+>)
|
 &(<+... I.f ...+>)
|
 &(<+... I[E] ...+>)
|
 WRITE_ONCE(<+... I ...+>, E)
)

// Uses that leave the object read-only.
@ok@
identifier r.I;
identifier f;
expression E;
position p;
@@

(
 I@p.f
|
 I@p[E]
|
 sizeof(I@p)
|
 ARRAY_SIZE(I@p)
|
 &I@p == E
|
 E == &I@p
|
 &I@p != E
|
 E != &I@p
)

// A copy of the whole object; an array would decay to a pointer instead.
@okcopy depends on !arr@
identifier r.I;
expression E;
position p;
@@

 E = I@p

@okinit depends on !arr@
identifier r.I, x;
type T;
position p;
@@

T x = I@p;

@okptr@
identifier r.I, x;
type T;
position p;
@@

(
const T *x = &I@p;
|
const T *x[] = { ..., &I@p, ... };
)

// Any other use, a call's argument in particular, may write the object.
@bad@
identifier r.I;
position p != {r.p, ok.p, okcopy.p, okinit.p, okptr.p};
@@

 I@p

// An object named nowhere else is used through a macro that pastes its
// name together: nothing is known about that use.
@used@
identifier r.I;
position p != r.p;
@@

 I@p

@initialize:python@
@@
import re

section = re.compile(r"__ro_after_init|__read_mostly|__section\b|"
		     r"__(init|exit|ref|meminit|nosave)(data|const)\b|"
		     r"__cacheline_aligned|__percpu|__data_racy")

def in_section(p):
	"""Is the object defined at p given a section of its own?"""
	with open(p[0].file, errors="replace") as f:
		lines = f.readlines()
	rest = lines[int(p[0].line) - 1][int(p[0].column_end):]
	return bool(section.search(rest.split("=")[0]))

@script:python keep depends on tok && used && !written && !bad@
p << r.p;
I << r.I;
J;
@@

if in_section(p):
	cocci.include_match(False)
else:
	coccinelle.J = I

@depends on patch && tok disable optional_qualifier@
identifier keep.J, r.t;
position r.p;
expression N;
@@

(
static
+const
struct t J@p = { ... };
|
static
+const
struct t J@p[] = { ... };
|
static
+const
struct t J@p[N] = { ... };
)

@depends on context && tok disable optional_qualifier@
identifier keep.J, r.t;
position r.p;
expression N;
@@

(
*static struct t J@p = { ... };
|
*static struct t J@p[] = { ... };
|
*static struct t J@p[N] = { ... };
)

@script:python depends on org && tok@
p << r.p;
I << keep.J;
t << r.t;
@@

cocci.print_main("'%s' is never modified; declare it 'static const struct %s'" % (I, t), p)

@script:python depends on report && tok@
p << r.p;
I << keep.J;
t << r.t;
@@

coccilib.report.print_report(p[0], "'%s' is never modified; declare it 'static const struct %s'" % (I, t))
