//! JSON (RFC 8259) read and written by hand: JWKs are the only JSON certbench reads, and
//! serde_json would cost the web app's worker more than this reader does.

pub mod value;

/// Deepest nesting read: a JWK Set is three levels deep; past this, input is not a key.
const MAX_DEPTH: usize = 64;

/// A JSON value. Numbers keep their text: JWK members that matter are strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in the order written (a repeated name keeps its first value
    /// in [`Value::get`]).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// This value as a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Why text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// Line of the problem, from 1.
    pub line: usize,
    /// What was expected there.
    pub expected: &'static str,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not JSON at line {} (byte {}): expected {}",
            self.line, self.offset, self.expected
        )
    }
}

/// The one JSON value `text` holds (white space around it allowed).
pub fn parse(text: &[u8]) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.space();
    match reader.at == text.len() {
        true => Ok(value),
        false => Err(reader.error("the end of the text after the value")),
    }
}

/// Where each item of the array that is member `name` of the object `text` holds begins
/// (byte offsets), for messages about one of them; empty when there is no such array.
pub fn item_offsets(text: &[u8], name: &str) -> Vec<usize> {
    let mut reader = Reader { text, at: 0 };
    reader.space();
    if reader.peek() != Some(b'{') {
        return Vec::new();
    }
    reader.at += 1;
    while reader.member_name().as_deref().is_some_and(|n| n != name) {
        if reader.value(1).is_err() {
            return Vec::new();
        }
        reader.space();
        if reader.peek() != Some(b',') {
            return Vec::new();
        }
        reader.at += 1;
    }
    reader.space();
    if reader.peek() != Some(b'[') {
        return Vec::new();
    }
    reader.at += 1;
    let mut offsets = Vec::new();
    loop {
        reader.space();
        offsets.push(reader.at);
        if reader.value(2).is_err() {
            return offsets;
        }
        reader.space();
        match reader.peek() {
            Some(b',') => reader.at += 1,
            _ => return offsets,
        }
    }
}

/// `s` as a JSON string literal, quotes included.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, expected: &'static str) -> SyntaxError {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        SyntaxError {
            offset: self.at,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            expected,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, SyntaxError> {
        match self
            .text
            .get(self.at..)
            .is_some_and(|t| t.starts_with(word))
        {
            true => {
                self.at += word.len();
                Ok(value)
            }
            false => Err(self.error("a value (string, number, object, array, true, false, null)")),
        }
    }

    /// A member's name and its `:`; `None` when something else comes.
    fn member_name(&mut self) -> Option<String> {
        self.space();
        if self.peek() != Some(b'"') {
            return None;
        }
        let name = self.string().ok()?;
        self.space();
        (self.peek() == Some(b':')).then(|| self.at += 1)?;
        Some(name)
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("less nesting (64 levels at most)"));
        }
        self.space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("a value (string, number, object, array, true, false, null)")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("a member name in double quotes"));
            }
            let name = self.string()?;
            self.space();
            if self.peek() != Some(b':') {
                return Err(self.error("`:` after the member name"));
            }
            self.at += 1;
            members.push((name, self.value(depth + 1)?));
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("`,` or `}` after a member")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("`,` or `]` after an array item")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error("a digit"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("a digit after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("a digit in the exponent"));
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Ok(Value::Number(String::from_utf8_lossy(text).into_owned()))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("four hex digits after `\\u`"))?;
        self.at += 4;
        Ok(digits)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error("`\"` closing the string"));
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let Some(escape) = self.peek() else {
                        return Err(self.error("an escape after `\\`"));
                    };
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(self.error("one of `\"\\/bfnrtu` after `\\`"));
                        }
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => {
                    self.at -= 1;
                    return Err(self.error("no control character inside a string (escape it)"));
                }
                _ => out.push(byte),
            }
        }
        String::from_utf8(out).map_err(|_| self.error("UTF-8 text inside the string"))
    }

    /// `\uXXXX`, with a surrogate pair read as one character.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error("`\\u` and the low half of a surrogate pair"));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    return Err(self.error("the low half of a surrogate pair (DC00-DFFF)"));
                }
                0x10000 + ((first - 0xd800) << 10) + (low - 0xdc00)
            }
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("a character, not a lone surrogate"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_rfc_8259_allows() {
        let v =
            parse(br#" {"a": [1, -0.5e+3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n"} "#)
                .unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-0.5e+3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ]))
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"é😀\n"));
    }

    #[test]
    fn says_where_text_is_not_json() {
        let cases: [(&[u8], usize, usize); 8] = [
            (b"{\"a\": 1,}", 8, 1),
            (b"{\"a\"\n 1}", 6, 2),
            (b"[01]", 2, 1),
            (b"\"\\x\"", 2, 1),
            (b"\"abc", 4, 1),
            (b"{} x", 3, 1),
            (b"\"\\ud800\"", 7, 1),
            (b"", 0, 1),
        ];
        for (text, offset, line) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(
                (e.offset, e.line),
                (offset, line),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
        let deep = "[".repeat(100);
        assert!(
            parse(deep.as_bytes())
                .unwrap_err()
                .expected
                .contains("nesting")
        );
    }

    #[test]
    fn finds_where_each_item_of_a_member_array_begins() {
        let text = br#"{"a": {"keys": 1}, "keys": [ {"x": 1},{"y": [2]} ]}"#;
        assert_eq!(item_offsets(text, "keys"), [29, 38]);
        assert!(item_offsets(b"[1]", "keys").is_empty());
    }

    #[test]
    fn quotes_what_it_reads_back() {
        for s in ["plain", "q\"b\\s/\n\u{1}é"] {
            assert_eq!(parse(quote(s).as_bytes()).unwrap(), Value::String(s.into()));
        }
    }
}
