"""Loading, versions, struct layouts, and the raw ctypes declarations."""

import ctypes
import os
import subprocess
import sys
import unittest
from ctypes import byref, c_size_t, c_void_p

from _support import child_env, libearnings
from libearnings import _errors, _ffi


class TestLoading(unittest.TestCase):
    def test_loaded_path_and_version(self):
        path = libearnings.load_library()
        env = os.environ.get("LIBEARNINGS_LIBRARY")
        if env:
            self.assertEqual(os.path.realpath(path), os.path.realpath(env))
        self.assertRegex(libearnings.version(), r"^\d+\.\d+\.\d+$")
        major, minor, patch = map(int, libearnings.version().split("."))
        self.assertEqual(libearnings.version_number(), major * 10000 + minor * 100 + patch)
        self.assertGreaterEqual(libearnings.version_number(), _ffi.MIN_VERSION_NUMBER)
        self.assertEqual(major, _ffi.ABI_MAJOR)

    def test_load_same_path_again_is_fine_other_path_is_an_error(self):
        path = libearnings.load_library()
        self.assertEqual(libearnings.load_library(path), path)
        with self.assertRaises(libearnings.LibraryLoadError):
            libearnings.load_library("/nonexistent/libearnings.so.0")

    def _child(self, code, **env):
        return subprocess.run([sys.executable, "-c", code], env=child_env(**env),
                              capture_output=True, text=True, timeout=60)

    def test_env_variable_naming_a_missing_file(self):
        r = self._child("import libearnings; libearnings.Engine()",
                        LIBEARNINGS_LIBRARY="/nonexistent/libearnings.so.0")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryLoadError", r.stderr)
        self.assertIn("LIBEARNINGS_LIBRARY: /nonexistent/libearnings.so.0: no such file", r.stderr)

    def test_explicit_path_wins_over_env(self):
        lib = libearnings.load_library()
        r = self._child(f"import libearnings; print(libearnings.load_library({lib!r}))",
                        LIBEARNINGS_LIBRARY="/nonexistent/libearnings.so.0")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), lib)

    def test_error_names_every_place_tried(self):
        env = {"LIBEARNINGS_LIBRARY": "", "LD_LIBRARY_PATH": "/nonexistent"}
        r = self._child("import libearnings\n"
                        "from libearnings import _ffi\n"
                        "_ffi._candidates = lambda: [('package folder', '/nonexistent/a/libearnings.so.0'),"
                        " ('system search path', 'libearnings-not-there.so.0')]\n"
                        "try:\n    libearnings.Engine()\n"
                        "except libearnings.LibraryLoadError as e:\n    print(e)\n", **env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("package folder: /nonexistent/a/libearnings.so.0: no such file", r.stdout)
        self.assertIn("system search path: libearnings-not-there.so.0", r.stdout)

    def test_package_folder_candidates_come_before_the_system(self):
        c = _ffi._candidates()
        self.assertEqual(c[0][0], "package folder")
        self.assertEqual(os.path.dirname(c[0][1]), os.path.dirname(os.path.abspath(_ffi.__file__)))
        self.assertEqual(c[-1][1] if sys.platform != "darwin" else c[-2][1], _ffi.SONAME)

    def test_import_does_not_load_the_library(self):
        r = self._child("import libearnings, libearnings._ffi as f; print(f._loaded is None)",
                        LIBEARNINGS_LIBRARY="/nonexistent/x.so")
        self.assertEqual(r.stdout.strip(), "True", r.stderr)


class TestStructs(unittest.TestCase):
    def test_every_mirror_matches_earnings_struct_size_exactly(self):
        sizes = libearnings.struct_sizes()
        self.assertEqual(len(sizes), len(_ffi.STRUCTS))
        for name, (lib_size, mirror) in sizes.items():
            self.assertEqual(lib_size, mirror, name)
        _ffi.lib().check_layout(exact=True)

    def test_unknown_struct_id_is_zero(self):
        self.assertEqual(_ffi.lib().earnings_struct_size(9999), 0)

    def test_layout_check_reports_a_mismatch(self):
        lib = _ffi.lib()
        saved = _ffi.STRUCTS[5]

        class Bigger(ctypes.Structure):
            """``earnings_token``"""
            _fields_ = saved._fields_ + [("extra", ctypes.c_uint64)]
        _ffi.STRUCTS[5] = Bigger
        try:
            with self.assertRaisesRegex(libearnings.LibraryLoadError, "earnings_token"):
                lib.check_layout()
        finally:
            _ffi.STRUCTS[5] = saved


class TestRawFunctions(unittest.TestCase):
    """Each declared C function through the ctypes layer, incl. the errcheck."""

    def setUp(self):
        self.lib = _ffi.lib()

    def test_every_declared_function_exists(self):
        for name, _, _ in _ffi._FUNCTIONS:
            self.assertTrue(callable(getattr(self.lib, name)), name)

    def test_strerror_and_error_last_and_clear(self):
        self.assertEqual(libearnings.strerror(0).lower(), self.lib.earnings_strerror(0).decode().lower())
        self.assertIn("unknown", libearnings.strerror(-9999))
        with self.assertRaises(libearnings.InvalidUTF8Error):
            libearnings.normalize(b"\xff")
        e = self.lib.earnings_error_last().contents
        self.assertEqual(e.code, -3)
        self.assertEqual(e.byte_offset, 0)
        self.lib.earnings_error_clear()
        e = self.lib.earnings_error_last().contents
        self.assertEqual((e.code, e.byte_offset), (0, -1))
        self.assertTrue(e.message)

    def test_errcheck_maps_einval(self):
        buf = _ffi.Buf()
        with self.assertRaises(libearnings.InvalidArgumentError) as cm:
            self.lib.earnings_doc_to_json(None, 1, byref(buf))
        self.assertEqual(cm.exception.code, -1)
        self.assertIsNone(cm.exception.byte_offset)
        self.assertIn("earnings_doc_to_json", cm.exception.message)

    def test_errcheck_maps_eversion(self):
        for init, struct in ((self.lib.earnings_normalize_options_init, _ffi.NormalizeOptions),
                             (self.lib.earnings_engine_options_init, _ffi.EngineOptions),
                             (self.lib.earnings_parse_options_init, _ffi.ParseOptions)):
            opts = struct()
            self.assertEqual(init(byref(opts), 1), 0)
            self.assertEqual(opts.version, 1)
            with self.assertRaises(libearnings.OptionsVersionError) as cm:
                init(byref(opts), 999)
            self.assertEqual(cm.exception.code, -4)

    def test_options_defaults(self):
        opts = _ffi.ParseOptions()
        self.lib.earnings_parse_options_init(byref(opts), _ffi.PARSE_OPTIONS_VERSION)
        # EARNINGS_PARSE_DEFAULT: every stage the binding knows by name
        from libearnings._api import STAGES
        self.assertEqual(opts.flags, sum(STAGES.values()))
        self.assertEqual(opts.normalize_flags, 1 << 1)  # EARNINGS_PARSE_NORMALIZE_DEFAULT: Simplified

    def test_null_safe_frees_and_accessors(self):
        self.lib.earnings_doc_free(None)
        self.lib.earnings_engine_free(None)
        self.lib.earnings_normalized_free(None)
        self.lib.earnings_buf_dispose(None)
        self.assertEqual(self.lib.earnings_doc_token_count(None), 0)
        self.assertEqual(self.lib.earnings_doc_sentence_count(None), 0)
        self.assertIsNone(self.lib.earnings_doc_token(None, 0))
        self.assertIsNone(self.lib.earnings_doc_sentence(None, 0))
        self.assertIsNone(self.lib.earnings_normalized_text(None, None))
        self.assertEqual(self.lib.earnings_normalized_is_identity(None), 0)
        self.assertEqual(self.lib.earnings_normalized_original_size(None), 0)

    def test_doc_text_accessor(self):
        with libearnings.Engine() as eng, eng.parse("ab\x00c") as doc:
            size = c_size_t()
            p = self.lib.earnings_doc_text(doc._live().ptr, byref(size))
            self.assertEqual(ctypes.string_at(p, size.value), b"ab\x00c")
            self.assertIsNotNone(self.lib.earnings_doc_normalization(doc._live().ptr))

    def test_name_functions(self):
        self.assertEqual(self.lib.earnings_token_type_name(1), b"word")
        self.assertEqual(self.lib.earnings_script_name(2), b"han")
        self.assertEqual(self.lib.earnings_token_type_name(999), b"unknown")


class TestErrorClasses(unittest.TestCase):
    def test_every_code_has_a_class_and_text(self):
        expected = {-1: "InvalidArgumentError", -2: "OutOfMemoryError", -3: "InvalidUTF8Error",
                    -4: "OptionsVersionError", -5: "RangeError", -6: "TooBigError",
                    -7: "ICUError", -8: "FileReadError", -9: "DataFormatError",
                    -10: "NotFoundError", -11: "InternalError"}
        for code, name in expected.items():
            e = _errors.from_code(code, "m", 5)
            self.assertEqual(type(e).__name__, name)
            self.assertIsInstance(e, libearnings.LibearningsError)
            self.assertEqual((e.code, e.message, e.byte_offset, str(e)), (code, "m", 5, "m"))
            self.assertNotIn("unknown", libearnings.strerror(code))
        self.assertIs(type(_errors.from_code(-77, "x", None)), libearnings.LibearningsError)

    def test_builtin_bases(self):
        self.assertTrue(issubclass(libearnings.InvalidUTF8Error, ValueError))
        self.assertTrue(issubclass(libearnings.RangeError, IndexError))
        self.assertTrue(issubclass(libearnings.OutOfMemoryError, MemoryError))
        self.assertTrue(issubclass(libearnings.NotFoundError, LookupError))
        self.assertTrue(issubclass(libearnings.FileReadError, OSError))
        self.assertTrue(issubclass(libearnings.ClosedError, libearnings.LibearningsError))
        self.assertTrue(issubclass(libearnings.LibraryLoadError, OSError))


if __name__ == "__main__":
    unittest.main()
