"""The monthly dip sample: read the case list, draw and allocate, plan a batch, track returns.

Pure core, no I/O: ``tabular`` (CSV as spreadsheets write it), ``records``, ``selection``
(who is eligible, the seeded draw), ``allocation`` (auditors from another area of
service), ``sample_file``, ``prefill``, ``batch`` (file names, manifest), ``index_page``
and ``status``. The file, process and terminal work of the ``sample``, ``render
--sample`` and ``status`` commands lives in :mod:`auditforms.cli` (``sample_inputs``,
``sample_batch``, ``sample_returns``, ``folder_swap``, ``render_pool``, ``locking``).
"""
