"""Every message editors read — content problems, warnings, the importer's notes, the command
line's help and the build's summary lines — in one catalogue: Vietnamese by default, English
with PORTAL_LANG=en. A message is written "what is wrong — what to write instead"; `problem()`
splits it into those two parts for a Problem."""

from __future__ import annotations

import os

CATALOGUE: dict[str, dict[str, str]] = {
    # the report ---------------------------------------------------------------------------------
    "report.head": {"vi": "Có {count} lỗi trong nội dung:", "en": "{count} problem(s) in the content:"},
    "report.warning": {"vi": "cảnh báo", "en": "warning"},
    "check.ok": {
        "vi": "Đạt: {articles} bài viết, {cooperatives} hợp tác xã, {documents} văn bản, {events} sự kiện, {agencies} cơ quan — không có lỗi.",
        "en": "OK: {articles} articles, {cooperatives} cooperatives, {documents} documents, {events} events, {agencies} agencies — no problems.",
    },
    # reading files ------------------------------------------------------------------------------
    "file.not_utf8": {
        "vi": "tệp không phải văn bản UTF-8 (byte {byte}) — lưu lại tệp dưới dạng UTF-8",
        "en": "not UTF-8 text (byte {byte}) — save the file as UTF-8",
    },
    "file.no_front_matter": {
        "vi": "thiếu phần khai báo — mở đầu tệp bằng một dòng '---', các trường YAML, rồi một dòng '---' nữa",
        "en": "no front matter — start the file with a '---' line, the YAML fields, and another '---' line",
    },
    "file.front_matter_open": {
        "vi": "phần khai báo chưa được đóng — thêm một dòng '---' sau trường cuối cùng",
        "en": "front matter is not closed — add a '---' line after the last field",
    },
    "file.not_fields": {
        "vi": "phần khai báo không phải các dòng 'trường: giá trị' — viết mỗi dòng một 'trường: giá trị'",
        "en": "front matter is not a set of 'field: value' lines — write one 'field: value' per line",
    },
    "file.yaml.colon": {
        "vi": "lỗi cú pháp: dấu ':' nằm trong một giá trị chưa đặt trong ngoặc kép — đặt cả giá trị trong ngoặc kép, ví dụ title: \"Hội nghị: tổng kết năm\"",
        "en": "syntax error: a ':' inside an unquoted value — put the whole value in double quotes, e.g. title: \"Meeting: results\"",
    },
    "file.yaml.tab": {
        "vi": "lỗi cú pháp: có ký tự tab ở dòng này — YAML chỉ nhận dấu cách để thụt đầu dòng; thay tab bằng hai dấu cách",
        "en": "syntax error: a tab on this line — YAML indents with spaces only; replace the tab with two spaces",
    },
    "file.yaml.list": {
        "vi": "lỗi cú pháp: danh sách mở bằng '[' ở dòng này chưa đóng, hoặc một mục có dấu ',' hay ':' mà không đặt trong ngoặc kép — đóng bằng ']' và đặt mục đó trong ngoặc kép",
        "en": "syntax error: the list opened with '[' on this line is not closed, or an item holds ',' or ':' unquoted — close it with ']' and quote that item",
    },
    "file.yaml.quote": {
        "vi": 'lỗi cú pháp: dấu ngoặc kép mở ở dòng này chưa được đóng — thêm dấu " ở cuối giá trị',
        "en": 'syntax error: the quote opened on this line is not closed — add the closing "',
    },
    "file.yaml.escape": {
        "vi": "lỗi cú pháp: dấu '\\' trong giá trị đặt trong ngoặc kép — dùng ngoặc đơn '…' hoặc bỏ dấu '\\'",
        "en": "syntax error: a '\\' inside a double-quoted value — use single quotes or drop the '\\'",
    },
    "file.yaml.no_colon": {
        "vi": "lỗi cú pháp: dòng này thiếu dấu ':' sau tên trường — viết 'tên: giá trị'",
        "en": "syntax error: this line lacks the ':' after the field name — write 'name: value'",
    },
    "file.yaml.indent": {
        "vi": "lỗi cú pháp: thụt đầu dòng không đều ở dòng này — các trường bắt đầu sát lề trái, các mục '- ' của một danh sách thụt như nhau",
        "en": "syntax error: uneven indentation on this line — fields start at the left margin, the '- ' items of a list are indented alike",
    },
    "file.yaml": {
        "vi": "lỗi cú pháp YAML: {what} — kiểm tra thụt đầu dòng, đặt trong ngoặc kép giá trị có dấu ':' hoặc '#'",
        "en": "YAML syntax error: {what} — check indentation and quote values that contain ':' or '#'",
    },
    "file.controls": {
        "vi": "đã xóa các ký tự điều khiển {chars} (dán từ Word?) — gõ lại đoạn đó hoặc lưu tệp dạng văn bản UTF-8",
        "en": "control characters {chars} (pasted from Word?) were removed — retype the affected text or save the file as plain UTF-8",
    },
    "file.yaml_alias": {
        "vi": "dùng bí danh YAML '*{name}' — viết thẳng giá trị (ở đây không dùng neo '&' và bí danh '*')",
        "en": "uses the YAML alias '*{name}' — write the value itself (anchors '&' and aliases '*' are not accepted here)",
    },
    "file.yaml_depth": {
        "vi": "danh sách, nhóm lồng nhau quá {limit} tầng — viết phẳng hơn, mỗi dòng một 'trường: giá trị'",
        "en": "lists and groups nested more than {limit} levels deep — write it flatter, one 'field: value' per line",
    },
    "file.duplicate_key": {
        "vi": "trường '{name}' viết hai lần (lần đầu ở dòng {first}) — giữ một lần, xóa lần kia",
        "en": "the field '{name}' is written twice (first at line {first}) — keep one and remove the other",
    },
    "file.too_big": {
        "vi": "tệp nặng {size}, quá giới hạn (phần thân tối đa {limit}) — tách thành nhiều bài, hoặc tăng max_body_bytes của plugin portal trong mkdocs.yml",
        "en": "the file is {size}, over the limit (a body may be {limit}) — split it into several entries, or raise the portal plugin's max_body_bytes in mkdocs.yml",
    },
    "file.front_matter_big": {
        "vi": "phần khai báo nặng {size}, tối đa {limit} — chuyển nội dung dài xuống phần thân bài",
        "en": "the front matter is {size}, at most {limit} — move long text into the body",
    },
    "file.body_big": {
        "vi": "phần thân nặng {size}, tối đa {limit} — tách thành nhiều bài, hoặc tăng max_body_bytes của plugin portal trong mkdocs.yml",
        "en": "the body is {size}, at most {limit} — split it into several entries, or raise the portal plugin's max_body_bytes in mkdocs.yml",
    },
    "file.unreadable": {
        "vi": "không đọc được tệp ({error}) — kiểm tra quyền đọc của tệp và thư mục",
        "en": "the file cannot be read ({error}) — check the permissions of the file and its folder",
    },
    "file.symlink_outside": {
        "vi": "là liên kết (symlink) tới {target}, nằm ngoài thư mục {content}/ — chép tệp thật vào {content}/ rồi xóa liên kết",
        "en": "is a symbolic link to {target}, outside the {content}/ folder — copy the real file into {content}/ and remove the link",
    },
    "file.outside": {
        "vi": "'{src}' trỏ ra ngoài thư mục {content}/ — đặt tệp trong {content}/ (ảnh: {content}/anh/) và viết đường dẫn tính từ tệp bài viết",
        "en": "'{src}' points outside the {content}/ folder — put the file inside {content}/ (pictures: {content}/anh/) and write the path from the Markdown file",
    },
    "file.not_published": {
        "vi": "không được đăng: tệp loại '{ext}' không thuộc các loại được phép ({allowed}) — {fix}",
        "en": "not published: files of type '{ext}' are not among the allowed types ({allowed}) — {fix}",
    },
    "file.not_published.fix": {
        "vi": "viết trang bằng Markdown (.md), ảnh dạng JPEG/PNG/WebP, văn bản đính kèm dạng PDF",
        "en": "write pages in Markdown (.md), pictures as JPEG/PNG/WebP, attached documents as PDF",
    },
    "file.not_published.svg": {
        "vi": "ảnh SVG có thể chứa mã chạy được: xuất ảnh thành PNG rồi dùng tệp PNG",
        "en": "an SVG picture can carry code that runs: export it as PNG and use the PNG file",
    },
    "field.too_long": {
        "vi": "có {actual_length} mục, nhiều nhất {max_length} — bớt đi hoặc tách thành nhiều bài",
        "en": "has {actual_length} items, at most {max_length} — remove some or split the entry",
    },
    "registry.missing": {
        "vi": "thiếu tệp danh mục — tạo tệp với một danh sách YAML các mục {name}",
        "en": "registry file is missing — create it with a YAML list of {name}",
    },
    "registry.not_item": {
        "vi": "phải là một mục danh mục: các dòng 'id: …', 'name: …' (không có dấu '-' ở đầu)",
        "en": "must be one registry item: lines 'id: …', 'name: …' (no leading '-')",
    },
    "registry.not_list": {"vi": "phải là một danh sách YAML — mỗi mục bắt đầu bằng '- id: …'", "en": "must be a YAML list — start each item with '- id: …'"},
    "registry.duplicate": {
        "vi": "mã '{id}' bị trùng, đã khai báo ở {where} — mỗi mục một mã riêng",
        "en": "duplicate id '{id}', first defined at {where} — give each item its own id",
    },
    # field values -------------------------------------------------------------------------------
    "value.not_text": {"vi": "phải là chữ — viết thành một dòng chữ", "en": "must be text — write it as a plain line of text"},
    "value.placeholder": {"vi": "chưa điền (vẫn là '…') — viết giá trị thật", "en": "not filled in (still '…') — write the real value"},
    "value.empty": {"vi": "đang để trống — viết nội dung hoặc bỏ trường này", "en": "is empty — write the text or remove the field"},
    "value.html": {"vi": "có thẻ HTML — viết chữ thường (ở đây không dùng HTML)", "en": "contains HTML markup — write plain text (HTML is not allowed here)"},
    "value.slug": {
        "vi": "'{value}' không phải mã không dấu — viết '{slug}' (chữ thường a–z, số 0–9 và '-')",
        "en": "'{value}' is not an ASCII slug — write '{slug}' (lowercase a–z, 0–9 and '-')",
    },
    "value.date": {
        "vi": "'{value}' không phải ngày hợp lệ — viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam)",
        "en": "'{value}' is not a date — expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time)",
    },
    "value.date_only": {"vi": "'{value}' không phải ngày — viết YYYY-MM-DD", "en": "'{value}' is not a date — expected YYYY-MM-DD"},
    "value.url": {
        "vi": "'{value}' không phải địa chỉ trang web — viết đầy đủ, bắt đầu bằng https:// hoặc http://, ví dụ https://vca.org.vn",
        "en": "'{value}' is not a web address — write it whole, starting with https:// or http://, e.g. https://vca.org.vn",
    },
    "value.email": {
        "vi": "'{value}' không phải địa chỉ thư điện tử — viết như lienminh@example.vn",
        "en": "'{value}' is not an e-mail address — write it like lienminh@example.vn",
    },
    "value.number": {
        "vi": "'{value}' không phải số, ký hiệu văn bản — viết đúng như in, ví dụ 145/KH-LMHTXVN, 30/2020/NĐ-CP hoặc 13-HD/BTGTU",
        "en": "'{value}' is not a document number — write it as printed, e.g. 145/KH-LMHTXVN, 30/2020/NĐ-CP or 13-HD/BTGTU",
    },
    "value.number_no_code": {
        "vi": "'{value}' thiếu ký hiệu loại văn bản — viết đúng như in, ví dụ 145/KH-LMHTXVN hoặc 13-HD/BTGTU",
        "en": "'{value}' has no type code — write it as printed, e.g. 145/KH-LMHTXVN or 13-HD/BTGTU",
    },
    "field.unknown": {"vi": "trường không có trong mẫu — {fix}", "en": "unknown field — {fix}"},
    "field.unknown.fix": {
        "vi": "bỏ trường này (xem các trường của loại bài này trong hướng dẫn biên tập)",
        "en": "remove it (see the editors' guide for the fields of this kind of entry)",
    },
    "field.required": {"vi": "bắt buộc phải có — thêm '{name}: …'", "en": "is required — add '{name}: …'"},
    "field.required_one_of": {
        "vi": "bắt buộc phải có — thêm '{name}: …' với một trong: {choices}",
        "en": "is required — add '{name}: …' with one of: {choices}",
    },
    "value.date_day_first": {
        "vi": "'{value}' viết theo kiểu ngày/tháng/năm — viết năm-tháng-ngày: {spelled}",
        "en": "'{value}' is day/month/year — write year-month-day: {spelled}",
    },
    "field.not_allowed": {"vi": "'{value}' không phải giá trị được phép — {fix}", "en": "'{value}' is not allowed — {fix}"},
    "field.retired_status": {
        "vi": "không cần ghi nữa: tình trạng được tự tính từ ngày có hiệu lực và văn bản thay thế (ghi 'relation: thay-the' ở văn bản mới) — xóa dòng 'status:'",
        "en": "no longer needed: the status is worked out from the effective date and the replacing document ('relation: thay-the' on the new one) — remove the 'status:' line",
    },
    "field.one_of": {"vi": "viết một trong các giá trị {choices}", "en": "write one of {choices}"},
    "field.too_short": {
        "vi": "cần ít nhất {min_length} mục — thêm một mục, ví dụ '{name}: [ma-muc]'",
        "en": "needs at least {min_length} item(s) — add one, e.g. '{name}: [id-mot]'",
    },
    "field.too_large": {"vi": "{input!r} quá lớn — viết số không quá {le}", "en": "{input!r} is too large — write a number of at most {le}"},
    "field.too_small": {"vi": "{input!r} quá nhỏ — viết số không nhỏ hơn {ge}", "en": "{input!r} is too small — write a number of at least {ge}"},
    "field.not_int": {
        "vi": "{input!r} không phải số nguyên — chỉ viết chữ số, ví dụ 2024",
        "en": "{input!r} is not a whole number — write digits only, e.g. 2024",
    },
    "field.not_float": {
        "vi": "{input!r} không phải số — viết số có dấu chấm thập phân, ví dụ 21.5",
        "en": "{input!r} is not a number — write a number with a decimal point, e.g. 21.5",
    },
    "field.not_bool": {"vi": "{input!r} không phải true hoặc false — viết true hoặc false", "en": "{input!r} is not true or false — write true or false"},
    "field.not_list": {"vi": "phải là một danh sách — viết [a, b] hoặc mỗi dòng một '- mục'", "en": "must be a list — write [a, b] or one '- item' per line"},
    "field.not_group": {
        "vi": "phải là một nhóm trường — viết các dòng 'trường: giá trị' thụt vào dưới '{name}:'",
        "en": "must be a group of fields — write 'field: value' lines indented under '{name}:'",
    },
    "field.other": {"vi": "{msg} (giá trị: {input!r}) — sửa lại giá trị", "en": "{msg} (got {input!r}) — correct the value"},
    "did_you_mean": {"vi": "có phải ý bạn là '{value}'?", "en": "did you mean '{value}'?"},
    # documents ----------------------------------------------------------------------------------
    "doc.citation": {
        "vi": "trích dẫn cần 'number' hoặc 'title' — viết số như in, hoặc tên văn bản (Luật Hợp tác xã năm 2012)",
        "en": "a citation needs 'number' or 'title' — write the number as printed, or the name (Luật Hợp tác xã năm 2012)",
    },
    "doc.no_year": {
        "vi": "chưa có 'issued' lẫn 'year' — viết 'issued: YYYY-MM-DD', hoặc 'year: YYYY' nếu văn bản chưa ghi ngày",
        "en": "neither 'issued' nor 'year' is set — write 'issued: YYYY-MM-DD', or 'year: YYYY' if the day is blank",
    },
    "doc.year_mismatch": {
        "vi": "'year: {year}' không khớp với 'issued: {issued}' — bỏ 'year'",
        "en": "'year: {year}' disagrees with 'issued: {issued}' — remove 'year'",
    },
    "doc.expires_before": {
        "vi": "'expires: {expires}' (ngày hết hiệu lực) trước 'effective: {effective}' (ngày có hiệu lực) — sửa một trong hai ngày",
        "en": "'expires: {expires}' is before 'effective: {effective}' — correct one of the dates",
    },
    "doc.task_unknown": {
        "vi": "văn bản '{document}' không có nhiệm vụ '{task}' (văn bản có {count} nhiệm vụ{ids}) — ghi số thứ tự nhiệm vụ (1 đến {count}) hoặc 'id' của nhiệm vụ như trong văn bản giao",
        "en": "document '{document}' has no task '{task}' ({count} tasks{ids}) — write the task's number (1 to {count}) or its 'id' as in the assigning document",
    },
    "doc.type_mismatch": {
        "vi": "ký hiệu {code} trong số là {coded}, không phải {type} — sửa 'type' hoặc 'number'",
        "en": "the number's code {code} means {coded}, not {type} — correct 'type' or 'number'",
    },
    "doc.ambiguous_cite": {
        "vi": "số {number} ứng với {count} văn bản trên trang ({candidates}) — chưa liên kết; ghi thêm 'issuer:' (mã cơ quan ban hành) hoặc 'issued:' (ngày ban hành) trong trích dẫn này",
        "en": "the number {number} matches {count} documents on the site ({candidates}) — not linked; add 'issuer:' (the issuing agency's id) or 'issued:' (its date) to this citation",
    },
    "doc.ambiguous_mention": {
        "vi": "'{text}' có thể là {candidates} — chưa tạo liên kết; ghi rõ cơ quan ban hành ngay sau số ('… của UBND tỉnh Lào Cai') hoặc năm ('… năm 2024')",
        "en": "'{text}' may be {candidates} — not linked; name the issuer right after the number ('… của UBND tỉnh Lào Cai') or the year ('… năm 2024')",
    },
    # events -----------------------------------------------------------------------------------------
    "event.mixed": {
        "vi": "'{field}: {value}' không viết cùng kiểu với 'start: {start}' — viết cả hai là ngày (YYYY-MM-DD: sự kiện cả ngày) hoặc cả hai là ngày giờ (YYYY-MM-DDTHH:MM)",
        "en": "'{field}: {value}' is not written like 'start: {start}' — write both as days (YYYY-MM-DD: an all-day event) or both as day and time (YYYY-MM-DDTHH:MM)",
    },
    "event.before": {
        "vi": "'{field}: {value}' (kết thúc) trước lúc bắt đầu ({start}) — sửa một trong hai; sự kiện cả ngày ghi ngày cuối cùng, ví dụ 12–15/3: start: 2027-03-12, end: 2027-03-15",
        "en": "'{field}: {value}' (the end) is before the start ({start}) — correct one of them; an all-day event writes its last day, e.g. 12–15 March: start: 2027-03-12, end: 2027-03-15",
    },
    "event.new_not_postponed": {
        "vi": "ngày mới chỉ ghi cho sự kiện hoãn, mà 'status' đang là '{status}' — thêm 'status: hoan', hoặc xóa 'new_start'",
        "en": "a new date is only written for a postponed event, and 'status' is '{status}' — add 'status: hoan', or remove 'new_start'",
    },
    "event.new_end_alone": {
        "vi": "có 'new_end' mà không có 'new_start' — ghi ngày bắt đầu mới ở 'new_start'",
        "en": "'new_end' without 'new_start' — write the new start in 'new_start'",
    },
    # references ---------------------------------------------------------------------------------
    "ref.unknown": {"vi": "không có {what} '{value}' — {fix}", "en": "unknown {what} '{value}' — {fix}"},
    "ref.by_name": {"vi": "viết mã '{id}' ({name}), không viết tên", "en": "write its id '{id}' ({name}), not its name"},
    "ref.add": {
        "vi": "chạy 'portal new {kind} \"Tên …\"', hoặc thêm vào cuối content/_registry/{file}.yml: {block} — hoặc viết mã của một mục đã có",
        "en": "run 'portal new {kind} \"Name …\"', or add to the end of content/_registry/{file}.yml: {block} — or write the id of an existing item",
    },
    "ref.entry": {"vi": "viết id của một {what} đã có", "en": "write the id of an existing {what} entry"},
    "what.agency": {"vi": "cơ quan", "en": "agency"},
    "what.province": {"vi": "tỉnh, thành phố", "en": "province"},
    "what.column": {"vi": "chuyên mục", "en": "column"},
    "what.campaign": {"vi": "chuyên đề", "en": "campaign"},
    "what.sector": {"vi": "lĩnh vực", "en": "sector"},
    "what.tag": {"vi": "từ khóa", "en": "tag"},
    "what.cooperative": {"vi": "hợp tác xã", "en": "cooperative"},
    "what.document": {"vi": "văn bản", "en": "document"},
    "what.article": {"vi": "bài viết", "en": "article"},
    # data files and figures (content/so-lieu/) -------------------------------------------------------
    "data.number": {
        "vi": "'{value}' không phải là số — viết số không đặt trong ngoặc kép, ví dụ 12 hoặc 4.5",
        "en": "'{value}' is not a number — write a number without quotes, e.g. 12 or 4.5",
    },
    "data.negative": {
        "vi": "số âm ({value}) không vẽ được trên biểu đồ thanh — chỉ ghi số từ 0 trở lên",
        "en": "a negative number ({value}) cannot be drawn as a bar — write numbers from 0 up",
    },
    "data.decimals": {
        "vi": "{value} có hơn hai chữ số sau dấu chấm — số có hàng nghìn viết liền, không dấu chấm (1234, không viết 1.234); số thập phân ghi tối đa hai chữ số sau dấu chấm (4.75)",
        "en": "{value} has more than two digits after the point — write thousands without a separator (1234, not 1.234); decimals with at most two digits (4.75)",
    },
    "data.value_or_values": {
        "vi": "dòng phải có đúng một trong 'value' (một số) và 'values' (một số cho mỗi chuỗi trong 'series') — ghi một trong hai",
        "en": "a row needs exactly one of 'value' (one number) and 'values' (one number a series of 'series') — write one of them",
    },
    "data.label": {
        "vi": "dòng thiếu tên nhóm — ghi 'label: …' (hoặc 'province: <mã tỉnh>' để lấy tên tỉnh trong danh mục)",
        "en": "the row has no label — write 'label: …' (or 'province: <id>' to use the province's name)",
    },
    "data.values_need_series": {
        "vi": "'values' cần danh sách tên chuỗi số — thêm 'series: [Chỉ tiêu, Thực hiện]' vào tệp, hoặc ghi 'value:' với một số",
        "en": "'values' needs the names of the series — add 'series: [Target, Result]' to the file, or write 'value:' with one number",
    },
    "data.count": {
        "vi": "có {count} số nhưng 'series' có {series} chuỗi — ghi đúng {series} số, theo thứ tự: {names}",
        "en": "{count} numbers but 'series' names {series} — write exactly {series} numbers, in this order: {names}",
    },
    "data.no_rows": {
        "vi": "chưa có dòng số liệu nào — thêm 'rows:' (mỗi dòng '- {{label: …, value: …}}') hoặc 'csv: <tên tệp>.csv'",
        "en": "no rows of figures — add 'rows:' (each '- {{label: …, value: …}}') or 'csv: <file>.csv'",
    },
    "data.rows_and_csv": {
        "vi": "số liệu lấy từ tệp CSV thì không ghi 'rows' hay 'series' trong tệp .yml — bỏ hai trường đó (tên chuỗi số lấy từ dòng đầu tệp CSV)",
        "en": "with a CSV file, 'rows' and 'series' are not written in the .yml file — remove them (the series are named by the CSV's first line)",
    },
    "data.duplicate_label": {
        "vi": "nhóm '{label}' ghi hai lần (lần đầu ở dòng {first}) — mỗi nhóm ghi một lần",
        "en": "the label '{label}' is written twice (first at line {first}) — write each label once",
    },
    "data.id": {
        "vi": "tên tệp '{name}' không dùng được làm mã số liệu — đổi tên tệp thành {slug}.yml (chữ thường không dấu, nối bằng '-')",
        "en": "the file name '{name}' cannot be a figure's id — rename the file {slug}.yml (lower case, no accents, words joined by '-')",
    },
    "data.builtin": {
        "vi": "mã '{id}' trùng với một số liệu cổng tự tính từ nội dung — đặt tên khác cho tệp, ví dụ {id}-2025.yml",
        "en": "the id '{id}' is a figure the site computes from its content — give the file another name, e.g. {id}-2025.yml",
    },
    "data.not_fields": {
        "vi": "tệp số liệu phải là các dòng 'trường: giá trị' (title, unit, source, date, rows…) — xem mẫu trong hướng dẫn biên tập, mục Số liệu, biểu đồ",
        "en": "a data file is a set of 'field: value' lines (title, unit, source, date, rows…) — see the example in the editors' guide",
    },
    "data.too_big": {"vi": "tệp số liệu quá lớn (tối đa {limit} kB) — tách thành nhiều tệp", "en": "the data file is too big (at most {limit} kB) — split it"},
    "data.csv_missing": {
        "vi": "không có tệp CSV '{name}' trong thư mục so-lieu/ — đặt tệp .csv cạnh tệp .yml và ghi đúng tên tệp",
        "en": "no CSV file '{name}' in the so-lieu/ folder — put the .csv file beside the .yml file and write its name",
    },
    "data.csv_header": {
        "vi": "dòng đầu tệp CSV phải là tên các cột: tên nhóm, rồi tên mỗi chuỗi số — ví dụ 'Tỉnh, thành phố;Số hợp tác xã', sau đó mỗi dòng một nhóm",
        "en": "the CSV's first line names the columns: the label column, then each series — e.g. 'Province;Cooperatives', then one row a line",
    },
    "data.csv_size": {
        "vi": "tệp CSV quá lớn cho một biểu đồ — tối đa {series} cột số và {rows} dòng",
        "en": "the CSV file is too big for one chart — at most {series} number columns and {rows} rows",
    },
    "data.csv_width": {
        "vi": "dòng có {count} ô, dòng tiêu đề có {header} — mỗi dòng ghi tên nhóm rồi {series} số (số thập phân dùng dấu phẩy thì đặt ô trong ngoặc kép, hoặc ngăn cột bằng ';')",
        "en": "the line has {count} cells, the header {header} — write a label and {series} numbers a line (quote a decimal comma, or separate cells with ';')",
    },
    "data.csv_number": {
        "vi": "'{value}' không phải là số — viết số như 1234, 1.234 (hàng nghìn) hoặc 12,5 (số thập phân)",
        "en": "'{value}' is not a number — write numbers as 1234, 1.234 (thousands) or 12,5 (decimal comma)",
    },
    "data.csv_unused": {
        "vi": "tệp CSV không được tệp số liệu nào dùng — ghi 'csv: {name}' trong một tệp .yml của thư mục so-lieu/, hoặc xóa tệp",
        "en": "no data file uses this CSV file — write 'csv: {name}' in a .yml file of the so-lieu/ folder, or remove it",
    },
    "data.unknown_figure": {"vi": "không có số liệu '{id}' — {fix}", "en": "no figure '{id}' — {fix}"},
    "data.unknown_figure.fix": {
        "vi": "viết mã một số liệu có trên trang /so-lieu/ ({ids}), hoặc thêm tệp content/so-lieu/<mã>.yml",
        "en": "write the id of a figure listed on /so-lieu/ ({ids}), or add content/so-lieu/<id>.yml",
    },
    "data.home_figure": {
        "vi": "không có số liệu '{id}' để đưa lên trang chủ — viết mã một số liệu có trên trang /so-lieu/ ({ids})",
        "en": "no figure '{id}' to feature on the home page — write the id of a figure listed on /so-lieu/ ({ids})",
    },
    # files ----------------------------------------------------------------------------------------
    "image.missing": {"vi": "không có tệp này (đã tìm {looked}) — {fix}", "en": "does not exist (looked for {looked}) — {fix}"},
    "image.missing.fix": {
        "vi": "kiểm tra đường dẫn (tính từ tệp bài viết) hoặc thêm ảnh",
        "en": "check the path (it is relative to the Markdown file) or add the image",
    },
    "file.missing.fix": {
        "vi": "kiểm tra đường dẫn (tính từ tệp bài viết) hoặc thêm tệp",
        "en": "check the path (it is relative to the Markdown file) or add the file",
    },
    "file.closest": {"vi": "có phải là {names}?", "en": "did you mean {names}?"},
    "image.unreadable": {
        "vi": "không đọc được thành ảnh ({error}) — xuất lại ảnh dạng JPEG hoặc PNG",
        "en": "is not a readable image ({error}) — export the picture again as JPEG or PNG",
    },
    "image.too_large": {
        "vi": "quá lớn ({width}×{height} điểm ảnh, giới hạn {limit}) — thu nhỏ ảnh trước khi đưa lên",
        "en": "is too large ({width}×{height} pixels, limit {limit}) — scale the picture down before adding it",
    },
    "image.no_alt": {
        "vi": "ảnh thiếu mô tả (alt) cho người không nhìn thấy — thêm 'alt: mô tả ngắn nội dung ảnh'",
        "en": "the image has no alt text for readers who cannot see it — add 'alt: a short description of the picture'",
    },
    "image.no_alt_body": {
        "vi": "ảnh '{src}' trong nội dung thiếu mô tả — viết ![mô tả ảnh]({src})",
        "en": "the image '{src}' in the body has no alt text — write ![description]({src})",
    },
    "build.images": {
        "vi": "portal: ảnh: {encoded} ảnh xử lý mới, {reused} ảnh dùng lại từ bộ nhớ đệm ({seconds:.1f} giây)",
        "en": "portal: images: {encoded} encoded, {reused} reused from the cache ({seconds:.1f} s)",
    },
    "image.too_long": {
        "vi": "có một chiều quá dài ({width}×{height} điểm ảnh, mỗi chiều tối đa {limit}) — cắt hoặc thu nhỏ ảnh trước khi đưa lên",
        "en": "has a side too long ({width}×{height} pixels, at most {limit} a side) — crop or scale the picture down before adding it",
    },
    "image.encode_failed": {
        "vi": "không chuyển được thành ảnh cho web ({error}) — xuất lại ảnh dạng JPEG hoặc PNG với kích thước thông thường",
        "en": "could not be turned into web pictures ({error}) — export the picture again as JPEG or PNG at an ordinary size",
    },
    "image.format": {"vi": "là ảnh {format} — dùng JPEG, PNG hoặc WebP", "en": "is a {format} image — use JPEG, PNG or WebP"},
    "pdf.not_pdf": {"vi": "không phải tệp .pdf — đính kèm văn bản dạng PDF", "en": "is not a .pdf file — attach the document as PDF"},
    "pdf.unreadable": {"vi": "không đọc được thành PDF — xuất lại văn bản dạng PDF", "en": "is not a readable PDF — export the document again as PDF"},
    # identity and URLs ----------------------------------------------------------------------------
    "dup.id": {
        "vi": "mã '{id}' đã dùng cho {other} (đăng {date}) — đặt cho tệp này một id mới, ví dụ '{suggestion}' (không đổi id của bài đã đăng)",
        "en": "id '{id}' is already used by {other} (published {date}) — give this file a new id, e.g. '{suggestion}' (never change a published entry's id)",
    },
    "dup.url": {
        "vi": "đường dẫn /{url} trùng với {other} — đặt 'slug:' khác cho một trong hai tệp",
        "en": "duplicate URL /{url}, also in {other} — set a different 'slug:' in one of them",
    },
    "dup.document": {
        "vi": "văn bản {key} trùng với {other} — cùng cơ quan, năm và số là một văn bản: xóa bản sao",
        "en": "duplicate document {key}, also in {other} — the same issuer, year and number is the same document: remove the copy",
    },
    "url.generated": {
        "vi": "đường dẫn /{url} trùng với một trang hệ thống tự tạo — đặt 'slug:' khác cho bài này",
        "en": "the URL /{url} is also a generated page — set another 'slug:' on the entry",
    },
    # publishing -------------------------------------------------------------------------------------
    "hidden.draft": {
        "vi": "chưa đăng: bài nháp (draft: true) — xóa dòng 'draft: true' khi muốn đăng",
        "en": "not published: draft (draft: true) — remove 'draft: true' to publish",
    },
    "hidden.scheduled": {
        "vi": "chưa đăng: hẹn giờ, xuất bản lúc {when} — trang được dựng lại sau thời điểm đó thì bài mới hiện",
        "en": "not published: scheduled for {when} — it appears when the site is built after that moment",
    },
    "date.far_future": {
        "vi": "ngày {date} xa hơn một năm nữa (gõ nhầm năm?) — sửa năm; nếu thật sự muốn hẹn đăng xa như vậy, thêm dòng 'scheduled: true'",
        "en": "the date {date} is more than a year ahead (a typo in the year?) — correct the year; if it is really meant, add 'scheduled: true'",
    },
    "date.too_old": {"vi": "ngày {date} trước năm 1945 (gõ nhầm năm?) — kiểm tra lại", "en": "the date {date} is before 1945 (a typo in the year?) — check it"},
    "build.hidden": {"vi": "portal: {count} bài chưa đăng (nháp hoặc hẹn giờ):", "en": "portal: {count} entries not published (drafts or scheduled):"},
    "build.feeds": {"vi": "portal: {count} tệp nguồn tin cho {lists} danh sách, và {opml}", "en": "portal: {count} feed files for {lists} lists, and {opml}"},
    "build.search_shards": {
        "vi": "portal: tìm kiếm: lập chỉ mục lại {made} trên {shards} phần (các phần khác không đổi, lấy từ bộ nhớ đệm){which}",
        "en": "portal: search: {made} of {shards} shards indexed again (the others unchanged, from the cache){which}",
    },
    "build.entries_damaged": {
        "vi": "portal: bộ nhớ đệm các bài đã đọc hỏng hoặc của phiên bản khác ({what}): đọc lại mọi tệp",
        "en": "portal: the cache of entries read is damaged or from another version ({what}): every file read again",
    },
    "build.whole": {"vi": "portal: dựng lại toàn bộ: {reason}", "en": "portal: whole build: {reason}"},
    "build.whole.asked": {"vi": "theo yêu cầu (--clean hoặc PORTAL_FULL_BUILD=1)", "en": "as asked (--clean or PORTAL_FULL_BUILD=1)"},
    "build.whole.setup": {
        "vi": "mkdocs.yml, giao diện, danh mục, mã nguồn của portal hoặc một gói cài đặt đã đổi từ lần dựng trước",
        "en": "mkdocs.yml, the theme, the registries, the portal's code or an installed package changed since the last build",
    },
    "build.whole.damaged": {
        "vi": "tệp trạng thái của lần dựng trước hỏng hoặc của phiên bản khác ({what}), đã bỏ qua",
        "en": "the last build's state file is damaged or from another version ({what}); set aside",
    },
    "build.whole.no_site": {"vi": "thư mục {folder} không còn", "en": "the folder {folder} is gone"},
    "build.whole.output": {
        "vi": "thư mục {folder} đã bị sửa ngoài lần dựng trước ({count} tệp khác, ví dụ {examples})",
        "en": "the folder {folder} was changed outside the last build ({count} files differ, e.g. {examples})",
    },
    "build.incremental": {
        "vi": "portal: dựng lại phần thay đổi: {pages} trang, {feeds} tệp nguồn tin ({changed} mục thay đổi)",
        "en": "portal: incremental build: {pages} pages, {feeds} feed files ({changed} entries changed)",
    },
    "build.lazy": {
        "vi": "portal: {count} trang của bài, văn bản, HTX, sự kiện và {lists} trang sau của danh sách không thể đổi (bản đồ phụ thuộc): không tính lại dữ liệu của chúng",
        "en": "portal: {count} pages of entries and {lists} later pages of lists cannot have changed (dependency map): their data not made again",
    },
    "build.search": {
        "vi": "portal: chỉ mục tìm kiếm (Pagefind) gồm {count} mục, {seconds:.1f} giây",
        "en": "portal: search index (Pagefind) of {count} records, {seconds:.1f} s",
    },
    "build.calendars": {
        "vi": "portal: {count} tệp lịch iCalendar (.ics) cho {events} sự kiện",
        "en": "portal: {count} iCalendar files (.ics) for {events} events",
    },
    "build.redirects": {"vi": "portal: {count} trang chuyển hướng từ địa chỉ cũ", "en": "portal: {count} redirect pages from old URLs"},
    "card.font_broken": {
        "vi": "không đọc được phông chữ vẽ ảnh chia sẻ ({error}); không dựng trang thiếu ảnh khi chia sẻ lên Facebook, Zalo — cài lại gói (pip install --force-reinstall htx-portal, hoặc lấy lại thư mục site_plugins/media/fonts/ từ kho mã)",
        "en": "the font that draws the social cards cannot be read ({error}); no site is built without pictures on its shared links — reinstall the package (pip install --force-reinstall htx-portal, or restore site_plugins/media/fonts/ from the repository)",
    },
    "build.committed": {"vi": "portal: trang đã dựng xong được đặt vào {folder}", "en": "portal: the finished site is now in {folder}"},
    "build.locked": {
        "vi": "portal: một lần dựng khác đang ghi vào thư mục {folder} — chờ lần đó xong rồi chạy lại (hoặc dựng vào thư mục khác với -d)",
        "en": "portal: another build is writing to {folder} — wait for it to finish and run again (or build into another folder with -d)",
    },
    "build.os_error": {
        "vi": "portal: không {action} được '{path}': {error} — kiểm tra quyền ghi, chỗ trống trên đĩa và đường dẫn",
        "en": "portal: could not {action} '{path}': {error} — check write permissions, free disk space and the path",
    },
    "build.os_error.write": {"vi": "ghi", "en": "write"},
    "build.os_error.read": {"vi": "đọc", "en": "read"},
    "build.outside_output": {
        "vi": "portal: từ chối ghi '{path}': nằm ngoài thư mục ra {folder} — đây là lỗi của portal, xin báo lại",
        "en": "portal: refused to write '{path}': it is outside the output folder {folder} — this is a bug in the portal, please report it",
    },
    "build.cache_damaged": {
        "vi": "portal: bộ nhớ đệm hỏng, đã bỏ và làm lại: {what}",
        "en": "portal: damaged cache entries discarded and made again: {what}",
    },
    "revisions.bad": {
        "vi": "dòng của sự kiện '{id}' không đúng dạng — viết '{id}: {{sequence: 0, digest: …}}', hoặc xóa dòng này (bản dựng sau ghi lại, phiên bản lịch của sự kiện bắt đầu lại từ 0)",
        "en": "the line of event '{id}' is malformed — write '{id}: {{sequence: 0, digest: …}}', or delete it (the next build writes it again; the event's calendar revision starts again at 0)",
    },
    "ledger.not_mapping": {
        "vi": "phải là các dòng 'id: [địa chỉ, …]' — khôi phục tệp từ git (git checkout -- {name})",
        "en": "must be 'id: [URL, …]' lines — restore the file from git (git checkout -- {name})",
    },
    "ledger.not_list": {
        "vi": "phải là danh sách địa chỉ, ví dụ '- tin-tuc/ten-bai/' — viết mỗi địa chỉ trên một dòng bắt đầu bằng '- '",
        "en": "must be a list of URLs, e.g. '- tin-tuc/ten-bai/' — write each URL on a line starting with '- '",
    },
    "ledger.bad_url": {
        "vi": "'{url}' không phải địa chỉ trong trang (dạng 'tin-tuc/ten-bai/', không có '..', không bắt đầu bằng '/') — sửa hoặc xóa dòng này",
        "en": "'{url}' is not a URL of this site (like 'tin-tuc/ten-bai/', no '..', no leading '/') — correct or remove the line",
    },
    "ledger.lost": {
        "vi": "portal: {name} thiếu {count} địa chỉ cũ mà lần dựng trước đã ghi ({examples}) — đã giữ lại để trang chuyển hướng không mất; khôi phục tệp từ git, hoặc đặt PORTAL_FORGET_URLS=1 nếu thật sự muốn bỏ",
        "en": "portal: {name} lacks {count} old URLs an earlier build recorded ({examples}) — kept, so their redirects are not lost; restore the file from git, or set PORTAL_FORGET_URLS=1 to drop them",
    },
    "build.site_url": {
        "vi": "portal: đặt site_url trong mkdocs.yml (nguồn tin cần liên kết tuyệt đối)",
        "en": "portal: set site_url in mkdocs.yml (feeds need absolute links)",
    },
    # bodies ---------------------------------------------------------------------------------------
    "body.removed": {
        "vi": "đã xóa HTML không được phép: {removed} — viết bằng Markdown; mã script, thuộc tính sự kiện và liên kết javascript:/data: không bao giờ được đăng",
        "en": "HTML that is not allowed was removed: {removed} — write the text in Markdown; scripts, event handlers and javascript:/data: links are never published",
    },
    # importer -------------------------------------------------------------------------------------
    "import.number_missing": {
        "vi": "number: không thấy dòng 'Số: …' — thêm 'number:' bằng tay nếu văn bản có số",
        "en": "number: no 'Số: …' line found — add 'number:' by hand if the document has one",
    },
    "import.number_bad": {"vi": "number: {error}", "en": "number: {error}"},
    "import.type_conflict": {
        "vi": "type: tiêu đề ghi {printed} nhưng ký hiệu {code} trong số là {coded} — đã lấy {coded}; đối chiếu bản gốc",
        "en": "type: the heading says {printed} but the number's code {code} means {coded} — kept {coded}; check the original",
    },
    "import.left_out": {"vi": "{text} (đã bỏ ra: bổ sung bằng tay)", "en": "{text} (left out: add it by hand)"},
    "import.issuer_code": {
        "vi": "issuers: ký hiệu '{code}' không khớp đúng một cơ quan trong danh mục — thêm mã cơ quan bằng tay",
        "en": "issuers: code '{code}' matches no single agency in the registry — add the agency id by hand",
    },
    "import.issuer_none": {
        "vi": "issuers: phần đầu văn bản không ghi cơ quan ban hành — đã tạo cơ quan tạm '{name}' (mã {id}) trong content/_registry/agencies.yml: thay bằng cơ quan thật trong 'issuers:' rồi xóa cơ quan tạm",
        "en": "issuers: the header names no issuing body — made a placeholder '{name}' (id {id}) in content/_registry/agencies.yml: put the real agency in 'issuers:' and delete the placeholder",
    },
    "import.issuer_proposed": {
        "vi": "issuers: không cơ quan nào trong danh mục khớp với phần đầu văn bản — đã đề xuất '{name}' (mã {id}) trong content/_registry/agencies.yml: kiểm tra tên, cấp, loại và tỉnh",
        "en": "issuers: no registry agency matches the header — proposed '{name}' (id {id}) in content/_registry/agencies.yml: check its name, level, kind and province",
    },
    "import.page_chrome": {
        "vi": "văn bản được chép cùng trang web: đã bỏ {lines} dòng của trang (trình đơn, bảng thuộc tính, liên kết) — đối chiếu phần đầu và phần cuối với bản gốc",
        "en": "the text was copied with its web page: left out {lines} lines of the page (menus, metadata table, links) — check the start and end against the original",
    },
    "import.task_lead_unknown": {
        "vi": "tasks: cơ quan chủ trì '{name}' không có trong danh mục — nhiệm vụ chỉ ghi tên; thêm cơ quan vào agencies.yml rồi ghi mã vào 'lead:' nếu cần",
        "en": "tasks: the leading body '{name}' is in no registry — the task keeps its printed name only; add it to agencies.yml and its id to 'lead:' if needed",
    },
    "import.from_lead": {
        "vi": "{field}: văn bản đăng lại không có phần đầu — lấy '{value}' từ câu mở đầu hoặc dòng tiêu đề; đối chiếu bản gốc",
        "en": "{field}: a repost without its header — took '{value}' from the lead sentence or title line; check the original",
    },
    "import.from_page": {
        "vi": "{field}: văn bản không ghi — lấy '{value}' từ dòng '{label}:' của trang web; đối chiếu bản gốc",
        "en": "{field}: not in the document — took '{value}' from the web page's '{label}:' line; check the original",
    },
    "import.year_unknown": {
        "vi": "year: văn bản không ghi năm nào — tạm ghi năm nhập {year}; sửa theo bản gốc",
        "en": "year: the text gives no year at all — wrote the year of import, {year}; correct it from the original",
    },
    "import.year_guessed": {
        "vi": "year: không thấy dòng ngày tháng — lấy năm {year} từ số văn bản hoặc ngày đầu tiên trong văn bản; đối chiếu bản gốc",
        "en": "year: no date line — took the year {year} from the number or the first date of the text; check the original",
    },
    "import.not_a_document": {
        "vi": "không phải văn bản hành chính: không có số, loại văn bản, ngày ban hành hay cơ quan ban hành — kiểm tra lại tệp (có phải trang web, bài báo?)",
        "en": "not an official document: no number, type, date or issuing body — check the file (a web page, a news article?)",
    },
    "import.registry_note": {
        "vi": "Thêm khi nhập văn bản {source}: cơ quan lấy từ danh mục quốc gia, hoặc đề xuất (có dòng 'review') — kiểm tra rồi xóa 'review'",
        "en": "Added when importing {source}: agencies from the national registry, or proposed (with a 'review' line) — check them, then remove 'review'",
    },
    "review.item": {
        "vi": "cần xem lại: {text} — đối chiếu với bản gốc rồi xóa dòng này",
        "en": "to review: {text} — check it against the original, then remove this line",
    },
    "review.agency": {
        "vi": "cơ quan được đề xuất khi nhập văn bản: {text} — kiểm tra rồi xóa dòng 'review'",
        "en": "an agency proposed by the importer: {text} — check it, then remove the 'review' line",
    },
    "import.date_bad": {"vi": "issued: '{text}' không phải ngày có thật — kiểm tra lại", "en": "issued: '{text}' is not a real date — check it"},
    "import.date_blank": {
        "vi": "issued: ngày hoặc tháng để trống ('{text}') — chỉ giữ năm {year}",
        "en": "issued: the day or month is blank ('{text}') — only the year {year} is kept",
    },
    "import.date_missing": {
        "vi": "issued: không thấy dòng 'nơi, ngày … tháng … năm …' — thêm 'issued:' bằng tay",
        "en": "issued: no 'nơi, ngày … tháng … năm …' line found — add 'issued:' by hand",
    },
    "import.signers_missing": {
        "vi": "signers: không thấy phần chữ ký (dự thảo chưa ký?) — thêm 'signers:' bằng tay nếu có",
        "en": "signers: no signature block found (unsigned draft?) — add 'signers:' by hand if there is one",
    },
    "import.recipients_missing": {"vi": "recipients: không thấy mục 'Nơi nhận'", "en": "recipients: no 'Nơi nhận' list found"},
    "import.cite_issuer": {
        "vi": "cites: cơ quan '{issuer}' của {number} không có trong danh mục — để trống",
        "en": "cites: issuer '{issuer}' of {number} is not in the registry — left empty",
    },
    "import.cite_number": {
        "vi": "cites: '{text}' có số không đọc được — kiểm tra bằng tay",
        "en": "cites: '{text}' has a number we cannot read — check it by hand",
    },
    "import.scanned_pdf": {
        "vi": "tệp PDF ({pages} trang) không có lớp chữ (bản quét, chỉ có ảnh) — nhận dạng chữ (OCR) trước, ví dụ bằng ocrmypdf, hoặc dán nội dung vào tệp .txt rồi nhập lại",
        "en": "the PDF ({pages} pages) has no text layer (a scan, pictures only) — run OCR first (e.g. ocrmypdf) or paste the text into a .txt file and import that",
    },
    "import.legacy": {
        "vi": "đã chuyển {lines} dòng từ bảng mã cũ {encodings} sang Unicode — đối chiếu dấu tiếng Việt với bản gốc",
        "en": "{lines} lines converted from the legacy encoding {encodings} to Unicode — check the diacritics against the original",
    },
    "import.draft_status": {
        "vi": "status: số văn bản để trống nên được đánh dấu là dự thảo (status: du-thao) — sửa khi văn bản được ban hành",
        "en": "status: the number is blank, so this is marked as a draft (status: du-thao) — change it once issued",
    },
    "import.type_missing": {
        "vi": "type: không thấy tên loại văn bản (KẾ HOẠCH, HƯỚNG DẪN…) — đã ghi 'Công văn': sửa lại cho đúng",
        "en": "type: no type word (KẾ HOẠCH, HƯỚNG DẪN…) found — wrote 'Công văn': correct it",
    },
    "import.summary_missing": {
        "vi": "summary: không thấy trích yếu — đã lấy câu đầu của nội dung: sửa lại cho đúng",
        "en": "summary: no summary line (trích yếu) found — took the first sentence of the body: correct it",
    },
    "import.wrote": {"vi": "đã ghi {target}", "en": "wrote {target}"},
    "import.agency_added": {"vi": "đã thêm vào danh mục cơ quan: {name} ({id}){proposed}", "en": "added to the agency registry: {name} ({id}){proposed}"},
    "import.proposed": {"vi": " — đề xuất, cần kiểm tra", "en": " — proposed, to check"},
    "import.refused": {"vi": "lỗi: {source}: {reason}", "en": "error: {source}: {reason}"},
    "import.review": {
        "vi": "Đối chiếu các trường với bản gốc, rồi chạy 'portal check'.",
        "en": "Check the fields against the original, then run 'portal check'.",
    },
    "import.exists": {"vi": "lỗi: {target} đã có — thêm --force để ghi đè", "en": "error: {target} exists — pass --force to overwrite it"},
    "import.unreadable": {"vi": "lỗi: không đọc được {source}: {error}", "en": "error: cannot read {source}: {error}"},
    "import.incomplete": {
        "vi": "lỗi: {source}: không ghi tệp nào — văn bản thiếu những thông tin bắt buộc sau:",
        "en": "error: {source}: nothing written — a document needs these and the text does not give them:",
    },
    "import.incomplete.fix": {
        "vi": "Thêm cơ quan ban hành vào content/_registry/agencies.yml nếu còn thiếu, hoặc viết tệp bằng tay.",
        "en": "Add the issuing agency to content/_registry/agencies.yml if it is missing, or write the entry by hand.",
    },
    "import.warning": {"vi": "{target}: cảnh báo: {text}", "en": "{target}: warning: {text}"},
    # command line ---------------------------------------------------------------------------------
    "cli.description": {
        "vi": "Công cụ của biên tập viên: kiểm tra nội dung, nhập văn bản, tạo bài mới.",
        "en": "Editors' tools: check the content, import documents, start new entries.",
    },
    "cli.check": {"vi": "kiểm tra content/ và liệt kê mọi lỗi", "en": "validate content/ and list every problem"},
    "cli.now": {"vi": "coi thời điểm này là hiện tại (YYYY-MM-DDTHH:MM)", "en": "treat this moment as now (YYYY-MM-DDTHH:MM)"},
    "cli.import": {"vi": "nhập một văn bản (.txt, .docx) vào content/van-ban/", "en": "import an official document (.txt or .docx) into content/van-ban/"},
    "cli.force": {"vi": "ghi đè tệp đã có", "en": "overwrite an existing entry"},
    "cli.evaluate": {
        "vi": "đo độ chính xác: nguồn là thư mục văn bản, mỗi tệp kèm <tên>.expected.yml ghi các trường đúng",
        "en": "measure accuracy: the source is a folder of documents, each with <name>.expected.yml of its right fields",
    },
    "cli.show_held_out": {
        "vi": "khi đo: in cả các lỗi của phần để riêng (held-out/) — phần này không dùng để chỉnh quy tắc",
        "en": "when measuring: print the misses of the held-out part (held-out/) too — that part is not for tuning rules",
    },
    "cli.new": {
        "vi": "tạo tệp mới có đủ các trường bắt buộc: article (bài viết), cooperative (hợp tác xã), document (văn bản); "
        "hoặc thêm vào danh mục: agency (cơ quan), tag (từ khóa), sector (lĩnh vực), province (tỉnh), column (chuyên mục)",
        "en": "write a new entry with every required field (article, cooperative, document), or add a registry item (agency, tag, sector, province, column)",
    },
    "cli.province": {"vi": "mã tỉnh của cơ quan (khi tên không ghi tỉnh)", "en": "the agency's province id (when its name does not say)"},
    "cli.code": {"vi": "ký hiệu cơ quan trong số văn bản, ví dụ UBND, LMHTX", "en": "the agency's code in document numbers, e.g. UBND"},
    "new.item_note": {"vi": "Thêm bằng lệnh 'portal new'", "en": "Added by 'portal new'"},
    "new.item_wrote": {
        "vi": "đã thêm '{id}' vào {file} — mở tệp để kiểm tra (với cơ quan: cấp, loại, tỉnh), rồi chạy 'portal check'",
        "en": "added '{id}' to {file} — open it to check (for an agency: level, kind, province), then run 'portal check'",
    },
    "new.item_also": {"vi": "  và '{id}' ({name}) mà nó trỏ tới", "en": "  and '{id}' ({name}) it points at"},
    "new.item_exists": {
        "vi": "lỗi: danh mục đã có mã '{id}' — dùng mã đó, hoặc đặt tên khác",
        "en": "error: the registry already has '{id}' — use it, or choose another name",
    },
    "cli.title": {"vi": "tiêu đề (hoặc tên hợp tác xã, trích yếu văn bản)", "en": "the title (or cooperative name, document summary)"},
    "cli.cms": {
        "vi": "in cấu hình của trang soạn bài (/quan-tri/), sinh từ lược đồ nội dung và danh mục",
        "en": "print the newsroom editor's configuration (/quan-tri/), made from the content schema and registries",
    },
    "cli.guide": {
        "vi": "cập nhật các bảng trường trong hướng dẫn biên tập từ lược đồ nội dung",
        "en": "regenerate the field tables of the editors' guide from the schema",
    },
    "cli.fetch_partners": {
        "vi": "đọc nguồn tin của các đối tác (content/_registry/partners.yml) và ghi bản lưu để dựng trang",
        "en": "read the partners' feeds (content/_registry/partners.yml) and write the snapshot the build reads",
    },
    "partners.snapshot": {
        "vi": "bản lưu tin đối tác không đọc được ({error}) — chạy lại 'portal fetch-partners' hoặc khôi phục tệp từ git",
        "en": "the partners' snapshot cannot be read ({error}) — run 'portal fetch-partners' again or restore the file from git",
    },
    "partners.none": {
        "vi": "chưa có đối tác nào trong {file}",
        "en": "no partner in {file}",
    },
    "partners.fetched": {
        "vi": "{partner}: {status}, {new} tin mới, {items} tin trong bản lưu",
        "en": "{partner}: {status}, {new} new items, {items} items in the snapshot",
    },
    "partners.wrote": {
        "vi": "đã ghi {file}",
        "en": "wrote {file}",
    },
    "guide.changed": {"vi": "đã cập nhật các bảng trường trong {path}", "en": "updated the field tables in {path}"},
    "guide.same": {"vi": "các bảng trường trong {path} đã đúng", "en": "the field tables in {path} are up to date"},
    "new.wrote": {
        "vi": "đã tạo {target} — điền các chỗ có dấu '…', rồi chạy 'portal check'",
        "en": "wrote {target} — fill in the places marked '…', then run 'portal check'",
    },
    "new.exists": {"vi": "lỗi: {target} đã có — chọn tiêu đề khác hoặc sửa tệp đó", "en": "error: {target} exists — choose another title or edit that file"},
    # reader polls (content/khao-sat/, the poll service) ------------------------------------------------
    "poll.id": {
        "vi": "tên tệp khảo sát '{name}' không dùng được làm mã — đổi tên tệp thành chữ thường không dấu, nối bằng '-', ví dụ {slug}.yml",
        "en": "the poll file name '{name}' is not an id — rename it in lower case without accents, joined by '-', e.g. {slug}.yml",
    },
    "poll.not_fields": {
        "vi": "tệp khảo sát phải là các dòng 'trường: giá trị' (question, options, opens, closes…) — xem mẫu trong hướng dẫn biên tập, mục Khảo sát",
        "en": "a poll file is a set of 'field: value' lines (question, options, opens, closes…) — see the example in the editors' guide",
    },
    "poll.option_id": {
        "vi": "mã phương án '{id}' không hợp lệ — viết chữ thường không dấu, nối bằng '-', ví dụ {slug}",
        "en": "option id '{id}' is not valid — write lower case without accents, joined by '-', e.g. {slug}",
    },
    "poll.option_twice": {
        "vi": "mã phương án '{id}' đã dùng ở dòng {first} — đặt cho mỗi phương án một mã riêng",
        "en": "option id '{id}' is already used on line {first} — give every option its own id",
    },
    "poll.max_single": {
        "vi": "max_choices chỉ dùng khi được chọn nhiều phương án — thêm 'multiple: true' hoặc xóa max_choices",
        "en": "max_choices only applies to multiple choice — add 'multiple: true' or remove max_choices",
    },
    "poll.max_over": {
        "vi": "max_choices là {max} nhưng chỉ có {count} phương án — viết một số từ 1 đến {count}",
        "en": "max_choices is {max} but there are only {count} options — write a number from 1 to {count}",
    },
    "poll.closes_before": {
        "vi": "thời điểm kết thúc không sau thời điểm mở — viết closes sau opens, ví dụ closes: 2024-06-30T17:00",
        "en": "the poll closes before it opens — write a 'closes' after 'opens', e.g. closes: 2024-06-30T17:00",
    },
    "poll.result_unknown": {
        "vi": "kết quả có phương án '{id}' không có trong options — chạy lại 'portal poll-results' hoặc xóa dòng này",
        "en": "the results name option '{id}' that options do not list — run 'portal poll-results' again or remove the line",
    },
    "poll.unknown": {"vi": "không có khảo sát '{id}' — các khảo sát có: {ids}", "en": "no poll '{id}' — the polls are: {ids}"},
    "poll.not_closed": {
        "vi": "khảo sát '{id}' chưa kết thúc (đến {closes}) — chỉ xuất kết quả khi khảo sát đã đóng",
        "en": "poll '{id}' has not closed yet (until {closes}) — export its results once it is closed",
    },
    "poll.exported": {"vi": "đã ghi kết quả ({voters} lượt) vào {path}", "en": "wrote the results ({voters} votes) into {path}"},
    "poll.no_service": {
        "vi": "chưa cấu hình dịch vụ khảo sát (plugins: portal: poll_service trong mkdocs.yml): {count} khảo sát hiện 'Khảo sát chưa mở'",
        "en": "no poll service configured (plugins: portal: poll_service in mkdocs.yml): {count} poll(s) show 'Khảo sát chưa mở'",
    },
    "poll.no_database": {
        "vi": "không có cơ sở dữ liệu khảo sát {path} — ghi đường dẫn tệp của dịch vụ khảo sát bằng --db",
        "en": "no poll database {path} — give the poll service's file with --db",
    },
    "cli.poll_server": {"vi": "chạy dịch vụ khảo sát bạn đọc (tùy chọn; xem README)", "en": "run the optional reader poll service (see the README)"},
    "cli.poll_results": {
        "vi": "ghi kết quả một khảo sát đã kết thúc vào tệp của nó trong content/khao-sat/",
        "en": "write a closed poll's results into its file in content/khao-sat/",
    },
    "poll.serving": {"vi": "dịch vụ khảo sát chạy tại http://{host}:{port}/ ({count} khảo sát)", "en": "poll service at http://{host}:{port}/ ({count} polls)"},
    # preview ----------------------------------------------------------------------------------------
    "preview.title": {"vi": "Nội dung có lỗi — trang chưa được dựng", "en": "The content has problems — the site was not built"},
    "preview.intro": {
        "vi": "Sửa các lỗi dưới đây rồi lưu tệp: trang xem trước tự tải lại khi hết lỗi.",
        "en": "Fix the problems below and save: the preview reloads by itself once they are gone.",
    },
    "preview.polling": {
        "vi": "xem trước: hệ thống không báo được tệp thay đổi ({reason}); kiểm tra lại thư mục nội dung mỗi nửa giây",
        "en": "preview: the system cannot report changed files ({reason}); checking the content folder every half second",
    },
    "preview.draft": {"vi": "NHÁP", "en": "DRAFT"},
    "preview.scheduled": {"vi": "HẸN GIỜ", "en": "SCHEDULED"},
}


def lang() -> str:
    """Vietnamese unless PORTAL_LANG says English (read at each call: tests and commands may set it)."""
    return "en" if os.environ.get("PORTAL_LANG", "vi").lower().startswith("en") else "vi"


def t(key: str, /, **values: object) -> str:
    return CATALOGUE[key][lang()].format(**values)


def problem(key: str, /, **values: object) -> tuple[str, str]:
    """(what is wrong, what to write instead) of a "problem — fix" message."""
    text = t(key, **values)
    what, _, fix = text.partition(" — ")
    return what, fix
