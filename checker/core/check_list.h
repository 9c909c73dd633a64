/* SPDX-License-Identifier: GPL-2.0-only */
/* Every check, one line each: CHECK(c_name) for 'check_<c_name>'. */
CHECK(id_table_sentinel)
CHECK(const_driver_struct)
CHECK(registration_flag)
CHECK(unbalanced_registration)
