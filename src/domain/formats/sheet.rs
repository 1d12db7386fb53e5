//! A table brought in from elsewhere: a CSV file (Excel in English or
//! German, Google Sheets, LibreOffice, Numbers, a tracker's export) or a
//! block pasted from a spreadsheet (tab-separated). Read into rows of cells
//! by the csv crate, whatever the delimiter, the quotes, the line ends or the
//! byte-order mark; the cells stay text until a mapping says what they are.

use crate::domain::model::value::{parse_number, NumberStyle, ValueError};

/// The largest file read (a backlog of tens of thousands of rows fits).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Delimiters a sheet may use, in the order a tie goes to.
const DELIMITERS: [u8; 3] = [b'\t', b';', b','];

/// Records looked at to tell the delimiter.
const SNIFFED: usize = 50;

/// A table of text cells: every row as wide as the widest (short rows are
/// filled with empty cells); rows with no text at all are left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The rows, the header (if any) first, each with its line in the file
    /// (1-based, where it starts).
    pub rows: Vec<(usize, Vec<String>)>,
    /// The number of columns.
    pub width: usize,
    /// The delimiter the cells were split at.
    pub delimiter: u8,
}

/// Why a file or paste is not a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Nothing but white space.
    Empty,
    /// Bytes that are not text (a spreadsheet's own format, an image…).
    NotText,
    /// More than [`MAX_BYTES`].
    TooLarge {
        /// The size it has.
        bytes: usize,
    },
    /// The csv crate could not read it (an unclosed quote at the end is
    /// read as text; this is what is left): the line it stopped at.
    Unreadable {
        /// 1-based line.
        line: usize,
    },
}

/// The text of a file's bytes: UTF-8 (with or without a byte-order mark),
/// UTF-16 with its mark (Excel's "Unicode text"), else Windows-1252 (what
/// Excel on Windows writes as "CSV"). Bytes that hold a NUL anywhere in
/// their first 8 KB outside UTF-16 are not text.
pub fn decode(bytes: &[u8]) -> Result<String, SheetError> {
    if bytes.len() > MAX_BYTES {
        return Err(SheetError::TooLarge { bytes: bytes.len() });
    }
    let utf16 = |big: bool, body: &[u8]| {
        let units = body.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    let text = match bytes {
        [0xef, 0xbb, 0xbf, rest @ ..] => utf8_or_windows(rest)?,
        [0xff, 0xfe, rest @ ..] => utf16(false, rest),
        [0xfe, 0xff, rest @ ..] => utf16(true, rest),
        _ => utf8_or_windows(bytes)?,
    };
    if text.trim().is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(text)
}

/// UTF-8 if the bytes are, else Windows-1252; a NUL early on is not text.
fn utf8_or_windows(bytes: &[u8]) -> Result<String, SheetError> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(SheetError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => Ok(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

/// A Windows-1252 byte's character: Latin-1 (the standard library's
/// `char::from`) but for the 27 printable characters Windows puts in
/// 0x80–0x9F (€, „, “, ”, –, —, ™…).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The rows of `text` split at `delimiter` by the csv crate: quoted
/// fields may hold the delimiter, quotes and line breaks; rows may differ in
/// length.
fn records(text: &str, delimiter: u8, limit: usize) -> Result<Vec<(usize, Vec<String>)>, usize> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines counted from the record's byte offset, past the blank lines
    // the reader skipped (it counts none of them).
    let (mut counted, mut line) = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        let byte = byte.min(text.len());
        line += text.as_bytes()[counted..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = counted.max(byte);
        line
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let mut byte = record.position().map_or(0, |p| p.byte() as usize);
                byte += text.as_bytes()[byte.min(text.len())..]
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
                let at = line_at(byte);
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push((at, cells));
                }
                if rows.len() >= limit {
                    break;
                }
            }
            Err(error) => {
                let byte = error.position().map_or(text.len(), |p| p.byte() as usize);
                return Err(line_at(byte));
            }
        }
    }
    Ok(rows)
}

/// The delimiter that splits the first rows most evenly into more than
/// one column: the most rows of the commonest width, then the wider.
fn sniff(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in DELIMITERS {
        let Ok(rows) = records(text, delimiter, SNIFFED) else {
            continue;
        };
        let mut widths: Vec<usize> = rows.iter().map(|(_, r)| r.len()).collect();
        widths.sort_unstable();
        // The commonest width and how many rows have it.
        let (mut width, mut count) = (0, 0);
        for run in widths.chunk_by(|a, b| a == b) {
            if run.len() > count || (run.len() == count && run[0] > width) {
                (width, count) = (run[0], run.len());
            }
        }
        if width > 1 && (count, width) > (best.0, best.1) {
            best = (count, width, delimiter);
        }
    }
    best.2
}

/// Reads `text` as a table: the delimiter told from its first rows.
pub fn read_sheet(text: &str) -> Result<Sheet, SheetError> {
    read_with(text, None)
}

/// Reads a block pasted from a spreadsheet or a web page's table: tab
/// separated, as every one of them copies (a comma inside is text).
pub fn read_pasted(text: &str) -> Result<Sheet, SheetError> {
    read_with(text, Some(b'\t'))
}

/// Reads `text` as a table with `delimiter`, else the one its rows tell.
fn read_with(text: &str, delimiter: Option<u8>) -> Result<Sheet, SheetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SheetError::Empty);
    }
    let delimiter = delimiter.unwrap_or_else(|| sniff(text));
    let mut rows =
        records(text, delimiter, usize::MAX).map_err(|line| SheetError::Unreadable { line })?;
    // Trailing empty columns (a spreadsheet's stray delimiters) are dropped.
    let width = rows
        .iter()
        .map(|(_, r)| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
        .max()
        .unwrap_or(0);
    for (_, row) in &mut rows {
        row.resize(width, String::new());
    }
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(Sheet {
        rows,
        width,
        delimiter,
    })
}

/// How a sheet writes its numbers, and whether its cells say so (else it
/// is the language's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numbers {
    /// The decimal and thousands marks.
    pub style: NumberStyle,
    /// Whether some cell shows the style beyond doubt (`2,5`, `1.234,5`,
    /// `2.5`, `1,234.5`).
    pub evident: bool,
}

/// The number style of `cells`: each cell that one style cannot read votes
/// for the other; the majority wins, and without votes `fallback` (the
/// language's) holds.
pub fn number_style<'a>(cells: impl Iterator<Item = &'a str>, fallback: NumberStyle) -> Numbers {
    let (mut english, mut german) = (0usize, 0usize);
    for cell in cells {
        let en = parse_number(cell, NumberStyle::ENGLISH);
        let de = parse_number(cell, NumberStyle::GERMAN);
        // Only a cell one style refuses outright votes: `25.000` or `1,234`
        // could be either (thousands or decimals) and waits for the others.
        match (en, de) {
            (Ok(_), Err(ValueError::NotInStyle { .. })) => english += 1,
            (Err(ValueError::NotInStyle { .. }), Ok(_)) => german += 1,
            _ => {}
        }
    }
    match english.cmp(&german) {
        std::cmp::Ordering::Greater => Numbers {
            style: NumberStyle::ENGLISH,
            evident: true,
        },
        std::cmp::Ordering::Less => Numbers {
            style: NumberStyle::GERMAN,
            evident: true,
        },
        std::cmp::Ordering::Equal => Numbers {
            style: fallback,
            evident: false,
        },
    }
}

/// A cell's number: empty is `None`; a percent sign or a currency sign
/// around it is dropped (`80 %`, `€ 2.500`). Where the sheet's style is
/// evident, `25.000` reads as that style says; where it is only the
/// language's, it stays a question.
pub fn cell_number(cell: &str, numbers: Numbers) -> Result<Option<f64>, ValueError> {
    let text = cell
        .trim()
        .trim_end_matches('%')
        .trim_start_matches(['€', '$', '£'])
        .trim_end_matches(['€', '$', '£'])
        .trim();
    if text.is_empty() {
        return if cell.trim().is_empty() {
            Ok(None)
        } else {
            Err(ValueError::NotANumber {
                text: cell.chars().take(40).collect(),
            })
        };
    }
    match parse_number(text, numbers.style) {
        Ok(value) => Ok(Some(value)),
        Err(ValueError::Ambiguous { decimal, .. }) if numbers.evident => Ok(Some(decimal)),
        Err(error) => Err(error),
    }
}
