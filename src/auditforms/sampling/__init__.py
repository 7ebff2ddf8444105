"""The monthly dip sample: read the case list, draw and allocate, render a batch, track returns.

Pure core: ``tabular`` (CSV as spreadsheets write it), ``records``, ``selection`` (who is
eligible, the seeded draw), ``allocation`` (auditors from another area of service),
``sample_file``, ``prefill``, ``batch`` (file names, manifest), ``index_page`` and
``status``. The modules ending in ``_cli`` plus ``folder_swap`` and ``render_pool`` do the
file and process work for the ``sample``, ``render --sample`` and ``status`` commands.
"""
