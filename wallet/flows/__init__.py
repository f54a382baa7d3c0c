"""Plain state machines for multi-step tasks (onboarding now; import, views and sharing later).

They hold no Qt and do no drawing: a window (or a test) calls a transition, reads the new state
and the message to show, and renders it.
"""
