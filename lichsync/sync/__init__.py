"""Push sync: a pure planner (plan.py), the state it remembers (state.py), and the loop that applies a plan (apply.py)."""
