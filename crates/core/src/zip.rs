//! A `.zip` of text files, stored without compression (PKWARE APPNOTE 6.3, method 0): every
//! generated file in one download. PEM text is small and already base64, so deflate would buy
//! little for the code it costs in the page.

/// One file in the archive.
pub struct Entry<'a> {
    /// The file name in the archive.
    pub name: &'a str,
    /// Its bytes.
    pub contents: &'a [u8],
}

/// CRC-32 (IEEE 802.3, reflected, as zip uses it).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The archive, or `None` if it would exceed the classic zip limits (65,535 files, 4 GiB):
/// generated sets are a handful of small files.
pub fn archive(entries: &[Entry<'_>]) -> Option<Vec<u8>> {
    let count = u16::try_from(entries.len()).ok()?;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let name = entry.name.as_bytes();
        let name_len = u16::try_from(name.len()).ok()?;
        let size = u32::try_from(entry.contents.len()).ok()?;
        let offset = u32::try_from(out.len()).ok()?;
        let crc = crc32(entry.contents);
        // version 2.0, flags: UTF-8 names (bit 11), method 0 (stored), time and date zero (1980).
        let common = |header: &mut Vec<u8>| {
            header.extend_from_slice(&20u16.to_le_bytes());
            header.extend_from_slice(&0x0800u16.to_le_bytes());
            header.extend_from_slice(&0u16.to_le_bytes());
            header.extend_from_slice(&0u16.to_le_bytes());
            header.extend_from_slice(&0x0021u16.to_le_bytes());
            header.extend_from_slice(&crc.to_le_bytes());
            header.extend_from_slice(&size.to_le_bytes());
            header.extend_from_slice(&size.to_le_bytes());
            header.extend_from_slice(&name_len.to_le_bytes());
            header.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(entry.contents);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        common(&mut central);
        // comment length, disk number, internal attributes; external attributes.
        central.extend_from_slice(&[0; 6]);
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let central_offset = u32::try_from(out.len()).ok()?;
    let central_size = u32::try_from(central.len()).ok()?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    /// `unzip -t` (Info-ZIP) reads the archive back and checks every CRC, when installed.
    #[test]
    fn info_zip_reads_it_back() {
        let zip = archive(&[
            Entry {
                name: "cert.pem",
                contents: b"-----BEGIN CERTIFICATE-----\n",
            },
            Entry {
                name: "key.pem",
                contents: b"secret",
            },
        ])
        .unwrap();
        let path = std::env::temp_dir().join(format!("certbench-zip-{}.zip", std::process::id()));
        std::fs::write(&path, &zip).unwrap();
        let listed = std::process::Command::new("unzip")
            .arg("-t")
            .arg(&path)
            .output();
        std::fs::remove_file(&path).ok();
        let Ok(listed) = listed else {
            eprintln!("skipping: unzip is not installed");
            return;
        };
        let text = String::from_utf8_lossy(&listed.stdout);
        assert!(listed.status.success(), "{text}");
        assert!(
            text.contains("testing: cert.pem") && text.contains("testing: key.pem"),
            "{text}"
        );
        assert!(text.contains("No errors detected"), "{text}");
    }
}
