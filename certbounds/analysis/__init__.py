"""The analysis layer: questions about bounds answered with certified
arithmetic, one module per question.

=========================  ==============================================
``crossover.crossover``    the first point where one bound beats another
``stages.stages``          the three stages of a growing dataset
                           (budzinskiy2025 Section 1.3, Figure 1)
``plots``                  figures of both (matplotlib, imported lazily)
``claims``                 a paper's claims as checks with verdicts
``experiments``            resumable parameter sweeps (JSON lines) with
                           medians over repetitions
``error_at_rank``          the certified error bound a theorem gives at a
                           prescribed rank
``figures``                budzinskiy2025 Figures 2-4 regenerated
=========================  ==============================================

The functions are not re-exported here: ``crossover`` and ``stages`` are
also the names of their modules.
"""
