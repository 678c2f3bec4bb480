//! How a decoded block is saved and looked at again: the files the page offers for it and the
//! OpenSSL command that prints the saved file. One place, so that every command shown runs on
//! the file offered beside it (a test runs them all).

use super::{Decoded, KeyAlgorithm, Report};
use serde::{Deserialize, Serialize};

/// The files a block saves as, and the command that reads the first of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// `certificate-2.pem`: the block as PEM. `None` where no tool reads PEM of its kind (a
    /// PKCS#12 file).
    pub pem_file: Option<String>,
    /// `certificate-2.der` (`bundle-1.p12` for PKCS#12). `None` for a legacy encrypted key,
    /// whose DER is ciphertext without the cipher and IV its PEM headers name.
    pub der_file: Option<String>,
    /// The OpenSSL command that prints the saved file (the PEM one when there is one).
    pub command: String,
    /// Whether the command asks for a password (an encrypted key, a PKCS#12 file).
    pub asks_password: bool,
}

/// The file stem of a kind of block.
fn stem(report: &Report) -> &'static str {
    match report {
        Report::Certificate(_) => "certificate",
        Report::Csr(_) => "request",
        Report::PrivateKey(_) => "key",
        #[cfg(feature = "jose")]
        Report::Jwk(jwk) if jwk.private => "key",
        #[cfg(feature = "jose")]
        Report::Jwk(_) => "public",
        Report::PublicKey(_) => "public",
        Report::Crl(_) => "crl",
        Report::Pkcs7(_) | Report::Pkcs12(_) => "bundle",
        Report::Parameters(_) => "parameters",
        #[cfg(feature = "openssh")]
        Report::SshPublicKey(_) => "ssh-key",
        #[cfg(feature = "openssh")]
        Report::SshPrivateKey(_) => "ssh-private-key",
        #[cfg(feature = "openssh")]
        Report::SshCertificate(_) => "ssh-certificate",
        #[cfg(feature = "ocsp")]
        Report::OcspRequest(_) => "ocsp-request",
        #[cfg(feature = "ocsp")]
        Report::OcspResponse(_) => "ocsp-response",
    }
}

impl Decoded {
    /// `certificate-2`, or `certificate-1.3` for the third item a container (block 1) holds:
    /// each block and item its own name.
    pub fn file_stem(&self) -> String {
        match self.item {
            Some(item) => format!("{}-{}.{item}", stem(&self.report), self.block),
            None => format!("{}-{}", stem(&self.report), self.block),
        }
    }

    /// `certificate-2.pem`: the name of the block's PEM file, where it has one.
    pub fn pem_file_name(&self) -> String {
        format!("{}.pem", self.file_stem())
    }

    /// The files this block saves as and the command that prints them.
    pub fn export(&self) -> Export {
        let name = self.file_stem();
        let (pem, der) = (self.pem_file_name(), format!("{name}.der"));
        match &self.report {
            Report::Pkcs12(p12) => {
                let file = format!("{name}.p12");
                let legacy = if p12.legacy_ciphers { " -legacy" } else { "" };
                Export {
                    command: format!("{}{legacy}", openssl_command(&self.report, &file)),
                    pem_file: None,
                    der_file: Some(file),
                    asks_password: true,
                }
            }
            // OpenSSH keys and certificates are lines of text, read by ssh-keygen.
            #[cfg(feature = "openssh")]
            Report::SshPublicKey(_) | Report::SshCertificate(_) | Report::SshPrivateKey(_) => {
                let file = match &self.report {
                    Report::SshPrivateKey(_) => pem,
                    _ => format!("{name}.pub"),
                };
                Export {
                    command: openssl_command(&self.report, &file),
                    pem_file: Some(file),
                    der_file: None,
                    asks_password: false,
                }
            }
            // OpenSSL reads OCSP messages as DER only.
            #[cfg(feature = "ocsp")]
            Report::OcspRequest(_) | Report::OcspResponse(_) => Export {
                command: openssl_command(&self.report, &der),
                pem_file: None,
                der_file: Some(der),
                asks_password: false,
            },
            report => {
                let encrypted = matches!(report, Report::PrivateKey(k) if k.encrypted);
                let legacy_pem = matches!(report, Report::PrivateKey(k) if k.dek_info.is_some());
                Export {
                    command: openssl_command(report, &pem),
                    pem_file: Some(pem),
                    der_file: (!legacy_pem).then_some(der),
                    asks_password: encrypted,
                }
            }
        }
    }
}

/// The command that prints `file`, holding `report`'s kind (PEM; DER for PKCS#12 and OCSP), as
/// `openssl … -text` does.
fn openssl_command(report: &Report, file: &str) -> String {
    match report {
        Report::Certificate(_) => {
            format!("openssl x509 -in {file} -noout -text -fingerprint -sha256")
        }
        Report::Csr(_) => format!("openssl req -in {file} -noout -text -verify"),
        Report::PrivateKey(_) => format!("openssl pkey -in {file} -noout -text"),
        #[cfg(feature = "jose")]
        Report::Jwk(jwk) if jwk.private => format!("openssl pkey -in {file} -noout -text"),
        #[cfg(feature = "jose")]
        Report::Jwk(_) => format!("openssl pkey -pubin -in {file} -noout -text"),
        Report::PublicKey(_) => format!("openssl pkey -pubin -in {file} -noout -text"),
        Report::Crl(_) => format!("openssl crl -in {file} -noout -text"),
        Report::Pkcs7(_) => format!("openssl pkcs7 -in {file} -print_certs -noout -text"),
        Report::Pkcs12(_) => format!("openssl pkcs12 -in {file} -info -nokeys"),
        Report::Parameters(p) => match p.algorithm {
            KeyAlgorithm::Dh => format!("openssl dhparam -in {file} -noout -text"),
            KeyAlgorithm::Ec => format!("openssl ecparam -in {file} -noout -text"),
            _ => format!("openssl dsaparam -in {file} -noout -text"),
        },
        // Not OpenSSL's: ssh-keygen reads OpenSSH's formats.
        #[cfg(feature = "openssh")]
        Report::SshPublicKey(_) | Report::SshPrivateKey(_) => format!("ssh-keygen -l -f {file}"),
        #[cfg(feature = "openssh")]
        Report::SshCertificate(_) => format!("ssh-keygen -L -f {file}"),
        #[cfg(feature = "ocsp")]
        Report::OcspRequest(_) => format!("openssl ocsp -reqin {file} -req_text"),
        // -noverify: printing needs no trust anchor; the card says whether the signature holds.
        #[cfg(feature = "ocsp")]
        Report::OcspResponse(r) if r.status == "successful" => {
            format!("openssl ocsp -respin {file} -resp_text -noverify")
        }
        // openssl ocsp prints an unsuccessful status and exits 1; asn1parse shows all there is.
        #[cfg(feature = "ocsp")]
        Report::OcspResponse(_) => format!("openssl asn1parse -inform DER -in {file} -i"),
    }
}
