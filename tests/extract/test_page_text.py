"""A page's visible lines, and the HTML reader putting back the paragraphs its extractor left out."""

from __future__ import annotations

from claimledger.extract.html import _page_body, with_left_out
from claimledger.extract.page_text import marked_lines, parse_page, visible_lines

ONE = "The council cut 12 bus routes in March 2021, the transit authority said."
TWO = "The Federal Flag Code has guidelines for the flag but no rules for punishment."
THREE = "Ridership fell by a third in the year after the cuts, the authority's figures show."


def test_blocks_are_lines_and_hidden_text_is_left_out() -> None:
    root = parse_page(
        "<html><body><p>One <b>line</b>\nwrapped</p><div hidden>no</div>"
        "<script>var x;</script><p style='display: none'>no</p><p>Two</p></body></html>"
    )
    assert visible_lines(root) == ["One line wrapped", "Two"]


def test_an_xml_declaration_in_a_decoded_page_is_no_error() -> None:
    root = parse_page('<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi</p></body></html>')
    assert visible_lines(root) == ["Hi"]


def test_lines_in_a_figure_a_caption_or_an_aside_are_marked() -> None:
    root = parse_page(
        "<html><body><p>Text</p><figure><img src='x'><figcaption>A caption</figcaption></figure>"
        "<aside><p>Related</p></aside><p>More</p></body></html>"
    )
    assert marked_lines(root) == [
        ("Text", False),
        ("A caption", True),
        ("Related", True),
        ("More", False),
    ]


def test_a_paragraph_left_out_between_two_kept_is_put_back_in_place() -> None:
    page = ["Menu", ONE, "Advertisement", TWO, THREE, "Footer"]
    assert with_left_out([ONE, THREE], page) == [ONE, TWO, THREE]


STANDFIRST = (
    "The mother of a woman who took pills bought online has described how her daughter was "
    "burning up from within moments before her death."
)


def test_nothing_is_put_back_below_the_last() -> None:
    page = [ONE, THREE, TWO.replace("Flag", "Banner")]
    assert with_left_out([ONE, THREE], page) == [ONE, THREE]


def test_the_standfirst_just_above_the_first_paragraph_is_put_back() -> None:
    page = ["Headline", STANDFIRST, "View this image", "Police photo", ONE, THREE]
    assert with_left_out([ONE, THREE], page) == [STANDFIRST, ONE, THREE]


def test_above_the_first_only_the_nearest_long_sentence_close_to_it() -> None:
    bio = "I code stuff. I take photos. I write rants."  # a one-liner: no standfirst
    assert with_left_out([ONE, THREE], [STANDFIRST, bio, ONE, THREE]) == [ONE, THREE]
    far = [STANDFIRST, "Share", "Tweet", "Email", ONE, THREE]  # four lines up: a teaser's place
    assert with_left_out([ONE, THREE], far) == [ONE, THREE]
    assert with_left_out([ONE, THREE], [STANDFIRST, "", ONE, THREE]) == [STANDFIRST, ONE, THREE]
    assert with_left_out([ONE, THREE], ["Menu", "Headline", ONE, THREE]) == [ONE, THREE]


def test_furniture_labels_and_lines_it_already_has_are_not_put_back() -> None:
    # "" is a line the finder's rules took for furniture or one in a figure
    page = [ONE, "", "Read the full transcript", "Watch", THREE]
    assert with_left_out([ONE, THREE], page) == [ONE, THREE]
    # a line the extractor has, elsewhere (it moved a pull quote to the end)
    assert with_left_out([ONE, THREE, TWO], [ONE, TWO, THREE]) == [ONE, THREE, TWO]


def test_with_fewer_than_two_paragraphs_found_on_the_page_nothing_changes() -> None:
    assert with_left_out([ONE, THREE], ["Menu", TWO]) == [ONE, THREE]
    assert with_left_out([ONE], [ONE, TWO]) == [ONE]


def test_a_page_lxml_cannot_read_leaves_the_extractor_s_text() -> None:
    assert _page_body("") == []
    assert _page_body("   ") == []


def test_a_line_the_extractor_holds_inside_a_longer_paragraph_is_not_put_back() -> None:
    joined = ONE + " " + TWO
    assert with_left_out([joined, THREE], [joined, TWO, THREE]) == [joined, THREE]


def test_two_readings_of_the_page_that_differ_everywhere_leave_the_extractor_s_text() -> None:
    many = [
        f"Line {i} of a page the extractor split in its own way, read here." for i in range(200)
    ]
    assert with_left_out([ONE, THREE], [ONE, *many, THREE]) == [ONE, THREE]
    assert with_left_out([ONE, THREE], [ONE, *many[:3], THREE]) == [ONE, *many[:3], THREE]


def test_a_box_of_an_image_and_a_short_text_is_marked_as_beside_the_flow() -> None:
    root = parse_page(
        "<html><body><p>Text</p><div class='photo'><img src='x'><br><em>A caption</em></div>"
        "<p>More <img src='icon'> text</p><div><img src='y'><p>A paragraph</p></div>"
        f"<div><img src='z'>{'Long text. ' * 40}</div></body></html>"
    )
    assert [aside for _, aside in marked_lines(root)] == [False, True, False, False, False]


CAPTION = "A new study finds that 40 percent of riders left the buses after the 2021 cuts."


def _page_with_photo_box(caption: str) -> str:
    paragraphs = [f"<p>{s} {s}</p>" for s in (ONE, TWO, THREE, ONE.replace("12", "14"))]
    box = f"<div class='photo_right'><img src='bus.jpg' alt='A bus'><br><em>{caption}</em></div>"
    return (
        "<html><head><title>Bus cuts</title></head><body><article><h1>Bus cuts</h1>"
        f"{''.join(paragraphs[:2])}{box}{''.join(paragraphs[2:])}</article></body></html>"
    )


def test_a_caption_in_a_photo_box_is_not_article_text() -> None:
    from claimledger.extract.html import html_to_text

    text, _ = html_to_text(_page_with_photo_box(CAPTION))
    assert CAPTION not in text
    assert THREE in text


def test_the_extractor_takes_a_photo_boxs_caption_for_a_paragraph() -> None:
    # what the rule above is for: without it the caption is in the article
    import trafilatura

    from claimledger.extract.html import _READING, xml_paragraphs

    xml = trafilatura.extract(_page_with_photo_box(CAPTION), output_format="xml", **_READING)
    assert CAPTION in xml_paragraphs(xml or "")


ALT = "Riders wait for the Route 9 bus at Main Street station on Tuesday morning."


def test_a_line_repeating_its_images_description_is_a_caption() -> None:
    # the caption in a box of its own beside the image's link: no <figure>, no photo box
    root = parse_page(
        f"<html><body><div><a href='b.jpg'><img src='b.jpg' alt='{ALT}'></a>"
        f"<div class='meta'><div>(File photo)</div>{ALT.replace('Tuesday', 'Tues.')}</div></div>"
        "<p>The city cut 12 routes.</p></body></html>"
    )
    assert marked_lines(root) == [
        ("(File photo)", False),
        (ALT.replace("Tuesday", "Tues."), True),
        ("The city cut 12 routes.", False),
    ]


def test_a_heading_or_a_far_paragraph_repeating_a_description_is_no_caption() -> None:
    far = "".join(f"<p>Paragraph {n}.</p>" for n in range(5))
    root = parse_page(
        f"<html><body><h2>{ALT}</h2><img src='b.jpg' alt='{ALT}'>{far}<p>{ALT}</p></body></html>"
    )
    assert not any(aside for _, aside in marked_lines(root))
