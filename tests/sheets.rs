//! Tables brought in from elsewhere, read as a user's files come: a corpus
//! of real-shaped exports (Excel in English and German, Google Sheets,
//! LibreOffice, Numbers, Jira, Linear, GitHub, Airtable, pastes from a
//! spreadsheet and from Confluence) and the shapes that break naive readers
//! (semicolons, tabs, a byte-order mark, CRLF, quotes inside fields, empty
//! lines, ragged rows, Windows-1252, UTF-16, a file that is not CSV).

use kerze::domain::formats::sheet::{
    cell_number, decode, number_style, read_sheet, Numbers, Sheet, SheetError, MAX_BYTES,
};
use kerze::domain::model::value::{NumberStyle, ValueError};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/sheets/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sheet(name: &str) -> Sheet {
    let text = decode(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    read_sheet(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn cells(sheet: &Sheet, row: usize) -> Vec<&str> {
    sheet.rows[row].1.iter().map(String::as_str).collect()
}

/// A file of the corpus: its name, delimiter, width and row count (the
/// header included), and one row (by index) in full.
type Expected = (
    &'static str,
    u8,
    usize,
    usize,
    usize,
    &'static [&'static str],
);

/// Every file of the corpus reads as expected.
#[test]
fn every_file_of_the_corpus_reads_into_rows_of_cells() {
    #[rustfmt::skip]
    let corpus: [Expected; 22] = [
        ("excel-en.csv", b',', 5, 6, 1, &["Self-serve SSO wizard", "Guided setup for Okta, Azure AD and Google", "40", "8", "4"]),
        ("excel-de.csv", b';', 5, 5, 2, &["Persönliches Onboarding-Team", "Ein Onboarding-Manager je Kunde („White Glove“)", "15,5", "2", "3"]),
        ("excel-de-utf8.csv", b';', 3, 3, 1, &["Prüfbericht für Behörden", "2,5", "4"]),
        ("google-sheets.csv", b',', 4, 4, 1, &["Dark mode", "3", "1200", "Users asked: \"please, dark mode\""]),
        ("libreoffice.csv", b',', 3, 3, 2, &["Single sign-on", "20", "4"]),
        ("numbers-de.csv", b';', 3, 3, 1, &["Export nach Excel", "3,5", "4"]),
        ("jira.csv", b',', 14, 4, 2, &["SCIM user provisioning", "ONB-102", "10102", "Story", "Backlog", "Highest", "", "Kim Lee", "12/Jan/26 9:20 AM", "Sync users from the IdP", "13", "55", "", ""]),
        ("linear.csv", b',', 14, 3, 2, &["ENG-43", "Engineering", "Usage-based pricing", "", "Backlog", "8", "Urgent", "Billing", "", "", "kim@example.com", "billing", "2026-01-12T09:20:00.000Z", "2026-01-12T09:20:00.000Z"]),
        ("github.csv", b',', 9, 3, 1, &["Add dark mode", "https://github.com/acme/app/issues/17", "octocat", "Todo", "enhancement", "acme/app", "v2.0", "M", "3"]),
        ("semicolon.csv", b';', 3, 3, 2, &["B", "20", "4"]),
        ("tab.tsv", b'\t', 3, 3, 1, &["A, with comma", "10", "3"]),
        ("crlf.csv", b',', 2, 3, 2, &["B", "2"]),
        ("quotes-inside.csv", b',', 2, 3, 1, &["He said \"yes\"", "1"]),
        ("empty-lines.csv", b',', 2, 3, 2, &["B", "2"]),
        ("ragged.csv", b',', 4, 4, 1, &["A", "1", "", ""]),
        ("trailing-delimiters.csv", b',', 2, 3, 2, &["B", "2"]),
        ("no-header.csv", b',', 3, 2, 0, &["A", "10", "3"]),
        ("paste-with-header.tsv", b'\t', 3, 3, 2, &["B", "20", "4"]),
        ("paste-no-header.tsv", b'\t', 3, 2, 1, &["B", "20", "4"]),
        ("confluence-paste.txt", b'\t', 3, 3, 1, &["SSO wizard", "Ana", "40"]),
        ("airtable.csv", b',', 5, 3, 1, &["Dark mode", "", "3", "2", "80%"]),
        ("utf16.txt", b'\t', 2, 3, 1, &["Übersicht", "2,5"]),
    ];
    for (name, delimiter, width, count, at, row) in corpus {
        let sheet = sheet(name);
        assert_eq!(
            (sheet.delimiter, sheet.width, sheet.rows.len()),
            (delimiter, width, count),
            "{name}"
        );
        assert_eq!(cells(&sheet, at), row, "{name}");
    }
    // A one-column list of titles is a table of one column.
    let titles = sheet("one-column.csv");
    assert_eq!((titles.width, titles.rows.len()), (1, 4));
}

#[test]
fn multi_line_fields_keep_their_lines_and_rows_know_where_they_start() {
    let jira = sheet("jira.csv");
    let description = &jira.rows[1].1[9];
    assert!(description.starts_with("As an admin I want to connect Okta.\n\nAcceptance:"));
    assert!(description.ends_with("- \"Test connection\" button"));
    // The second issue starts on line 7 of the file: the first took five.
    assert_eq!(
        jira.rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        [1, 2, 7, 8]
    );
    let sheets = sheet("google-sheets.csv");
    assert_eq!(sheets.rows[3].1[3], "Two lines\nof notes");
    let empty = sheet("empty-lines.csv");
    assert_eq!(
        empty.rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        [2, 4, 7]
    );
}

#[test]
fn files_that_are_not_tables_are_refused_in_plain_terms() {
    assert_eq!(decode(&fixture("not-csv.xlsx")), Err(SheetError::NotText));
    assert_eq!(decode(&fixture("image.png")), Err(SheetError::NotText));
    assert_eq!(decode(b""), Err(SheetError::Empty));
    assert_eq!(decode(b"\xef\xbb\xbf \r\n\r\n"), Err(SheetError::Empty));
    assert_eq!(read_sheet(",,,\n , ,\n"), Err(SheetError::Empty));
    let huge = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        decode(&huge),
        Err(SheetError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
}

#[test]
fn a_ten_megabyte_file_reads_whole() {
    let mut text = String::from("Option,Description,Cost,Impact\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        n += 1;
        text.push_str(&format!(
            "Option {n},\"A description, with a comma, of option {n} that runs on for a while\",{},{}\n",
            n % 500 + 1,
            n % 5 + 1
        ));
    }
    let sheet = read_sheet(&decode(text.as_bytes()).unwrap()).unwrap();
    assert_eq!((sheet.width, sheet.rows.len()), (4, n + 1));
    assert_eq!(sheet.rows[n].1[0], format!("Option {n}"));
}

fn column(sheet: &Sheet, c: usize) -> impl Iterator<Item = &str> + Clone {
    sheet.rows.iter().skip(1).map(move |(_, r)| r[c].as_str())
}

#[test]
fn a_sheet_says_how_it_writes_numbers_else_the_language_does() {
    let de = sheet("excel-de.csv");
    let numbers = number_style((2..5).flat_map(|c| column(&de, c)), NumberStyle::ENGLISH);
    assert_eq!(
        numbers,
        Numbers {
            style: NumberStyle::GERMAN,
            evident: true
        }
    );
    // 15,5 and 1.250 (thousands) read the German way.
    assert_eq!(cell_number("15,5", numbers), Ok(Some(15.5)));
    assert_eq!(cell_number("1.250", numbers), Ok(Some(1250.0)));
    let en = sheet("excel-en.csv");
    let numbers = number_style((2..5).flat_map(|c| column(&en, c)), NumberStyle::GERMAN);
    // Whole numbers say nothing: the language's style holds.
    assert_eq!(
        numbers,
        Numbers {
            style: NumberStyle::GERMAN,
            evident: false
        }
    );
    let numbers = number_style(["2.5", "1,234.5", "3"].into_iter(), NumberStyle::GERMAN);
    assert_eq!(numbers.style, NumberStyle::ENGLISH);
    assert_eq!(cell_number("25.000", numbers), Ok(Some(25.0)));
    // Without evidence, 25.000 stays a question rather than a guess.
    let unsure = Numbers {
        style: NumberStyle::ENGLISH,
        evident: false,
    };
    assert!(matches!(
        cell_number("25.000", unsure),
        Err(ValueError::Ambiguous { .. })
    ));
}

#[test]
fn cells_read_as_numbers_with_percent_and_currency_signs_dropped() {
    let en = Numbers {
        style: NumberStyle::ENGLISH,
        evident: true,
    };
    let de = Numbers {
        style: NumberStyle::GERMAN,
        evident: true,
    };
    assert_eq!(cell_number("", en), Ok(None));
    assert_eq!(cell_number("  ", en), Ok(None));
    assert_eq!(cell_number("80%", en), Ok(Some(80.0)));
    assert_eq!(cell_number("80 %", de), Ok(Some(80.0)));
    assert_eq!(cell_number("€ 2.500", de), Ok(Some(2500.0)));
    assert_eq!(cell_number("$1,250.50", en), Ok(Some(1250.5)));
    assert_eq!(cell_number("-3", en), Ok(Some(-3.0)));
    for bad in ["tbd", "M", "%", "€", "1e3", "5 d", "NaN"] {
        assert!(cell_number(bad, en).is_err(), "{bad}");
    }
}
