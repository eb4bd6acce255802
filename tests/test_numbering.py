"""Task numbers follow position, in the style the plan already uses at each level."""

from kehoach_desktop.domain.numbering import infer_styles, letter, printed, renumber
from kehoach_desktop.domain.plan import Task
from tests.conftest import load_fixture


def _tree(numbers):
    return [Task(title=t, number=n, children=_tree(kids)) for n, t, kids in numbers]


def test_moving_a_task_renumbers_in_the_plans_own_style():
    tasks = _tree([("1", "A", [("a", "A1", []), ("b", "A2", [("-", "x", [])])]), ("2", "B", [])])
    tasks.insert(0, tasks.pop())  # the user moves B to the top
    renumber(tasks)
    assert [t.number for t in tasks] == ["1", "2"]
    assert [c.number for c in tasks[1].children] == ["a", "b"]
    assert tasks[1].children[1].children[0].number == "-"


def test_nested_decimal_style_is_kept():
    tasks = _tree([("1", "A", [("1.1", "A1", []), ("1.2", "A2", [])]), ("2", "B", [("2.1", "B1", [])])])
    tasks[1].children.insert(0, tasks[0].children.pop())  # A2 indented under B
    renumber(tasks)
    assert [c.number for c in tasks[1].children] == ["2.1", "2.2"]
    assert printed("2.2") == "2.2." and printed("a") == "a)" and printed("-") == "-"


def test_styles_are_read_from_the_sample_plans():
    plan = load_fixture("ke-hoach-xa-binh-giang-nd142")
    assert infer_styles(plan.task_sections()[0].tasks)[:2] == ["decimal", "letter"]


def test_vietnamese_letters_include_d_with_stroke():
    assert [letter(i) for i in range(6)] == ["a", "b", "c", "d", "đ", "e"]


def test_full_numbers_carry_the_group_of_sub_items():
    from kehoach_desktop.domain.numbering import full_numbers
    from kehoach_desktop.domain.plan import Task

    tasks = [Task(title="Hạ tầng", number="1", children=[Task(title="Cáp quang", number="a"),
                                                          Task(title="Wifi", number="b", children=[
                                                              Task(title="Chợ", number="-")])]),
             Task(title="Dịch vụ", number="2", children=[Task(title="Một cửa", number="2.1"),
                                                         Task(title="Hồ sơ", number="a")])]
    numbers = full_numbers(tasks)
    got = [numbers[t.key] for top in tasks for t, _ in top.walk()]
    assert got == ["1", "1.a", "1.b", "1.b.1", "2", "2.1", "2.a"]
