//! One function per server, writing its configuration line for line as Mozilla's SSL
//! Configuration Generator's template for it does (src/js/helpers/*.js of
//! mozilla/ssl-config-generator; tests/fixtures/tls-config/expected.txt holds what those
//! templates print, and a test compares).

use super::State;

/// The configuration for the state's server.
pub(super) fn write(s: &State<'_>) -> String {
    match s.server.key {
        "apache" => apache(s),
        "awsalb" => awsalb(s),
        "awselb" => awselb(s),
        "caddy" => caddy(s),
        "coturn" => coturn(s),
        "dovecot" => dovecot(s),
        "exim" => exim(s),
        "go" => go(s),
        "haproxy" => haproxy(s),
        "jetty" => jetty(s),
        "lighttpd" => lighttpd(s),
        "litespeed" => litespeed(s),
        "mysql" => mysql(s),
        "nginx" => nginx(s),
        "openlitespeed" => openlitespeed(s),
        "oraclehttp" => oraclehttp(s),
        "postfix" => postfix(s),
        "postgresql" => postgresql(s),
        "proftpd" => proftpd(s),
        "redis" => redis(s),
        "squid" => squid(s),
        "stunnel" => stunnel(s),
        "tomcat" => tomcat(s),
        "traefik" => traefik(s),
        _ => String::new(),
    }
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn true_false(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// `# header` and `# link`, with the comment marker given.
fn head(s: &State<'_>, marker: &str) -> String {
    format!("{marker} {}\n{marker} {}\n", s.header, s.link)
}

/// Go's and Traefik's name for the minimum version (`VersionTLS12`).
fn go_min_version(s: &State<'_>) -> String {
    match s.min_protocol() {
        "TLSv1" => "VersionTLS10".into(),
        p => p.replacen("TLSv1.", "VersionTLS1", 1),
    }
}

/// A group's name in a server that names them its own way (`None`: it has none for it).
fn group_name(group: &str, names: [&'static str; 6]) -> Option<&'static str> {
    const GUIDELINE: [&str; 6] = [
        "X25519MLKEM768",
        "SecP256r1MLKEM768",
        "SecP384r1MLKEM1024",
        "X25519",
        "prime256v1",
        "secp384r1",
    ];
    let i = GUIDELINE.iter().position(|g| *g == group)?;
    Some(names[i]).filter(|n| !n.is_empty())
}

fn apache(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "\n# this configuration requires mod_ssl";
    if s.hsts {
        c += ", mod_rewrite,";
        if !s.ocsp {
            c += " and";
        }
        c += " mod_headers";
    }
    if s.ocsp {
        if s.hsts {
            c += ",";
        }
        c += " and mod_socache_shmcb";
    }
    c += "\n";
    if s.hsts {
        c += "<VirtualHost *:80>\n    RewriteEngine On\n    RewriteCond %{REQUEST_URI} !^/.well-known/acme-challenge/\n    RewriteRule ^.*$ https://%{HTTP_HOST}%{REQUEST_URI} [R=308,QSA,L]\n</VirtualHost>\n\n";
    }
    c += "<VirtualHost *:443>\n    SSLEngine on\n";
    if s.server_at_least("2.4.7") {
        if s.uses_dhe {
            c += &format!(
                "\n    # {} >> /path/to/signed_cert_and_intermediate_certs_and_dhparams\n    SSLCertificateFile      /path/to/signed_cert_and_intermediate_certs_and_dhparams\n",
                s.dh_command
            );
        } else {
            c += "    SSLCertificateFile      /path/to/signed_cert_and_intermediate_certs\n";
        }
    } else {
        c += "    SSLCertificateFile      /path/to/signed_certificate\n    SSLCertificateChainFile /path/to/intermediate_certificate\n";
    }
    c += "    SSLCertificateKeyFile   /path/to/private_key\n";
    if s.server_at_least("2.4.17") {
        c += "\n    # enable HTTP/2, if available\n    Protocols h2 http/1.1\n";
    }
    if s.hsts {
        c += &format!(
            "\n    # HTTP Strict Transport Security (mod_headers is required) ({0} seconds)\n    Header{1} set Strict-Transport-Security \"max-age={0}; includeSubDomains\"\n",
            s.hsts_max_age,
            if s.server_at_least("2.0.0") {
                " always"
            } else {
                ""
            }
        );
    }
    c += &format!(
        "</VirtualHost>\n\n# {} configuration\nSSLProtocol             -all +{}\n",
        s.config,
        s.protocols.join(" +")
    );
    if s.server_at_least("2.4.11") {
        c += &format!(
            "SSLOpenSSLConfCmd       Curves {}\n",
            s.tls_curves.join(":")
        );
    }
    if !s.ciphers.is_empty() {
        c += &format!("SSLCipherSuite          {}\n", s.ciphers.join(":"));
    }
    if !s.cipher_suites.is_empty() && s.server_at_least("2.4.36") {
        c += &format!(
            "SSLCipherSuite          TLSv1.3 {}\n",
            s.cipher_suites.join(":")
        );
    }
    c += &format!(
        "SSLHonorCipherOrder     {}\n",
        on_off(s.server_preferred_order)
    );
    if s.server_at_least_patch("2.2.30")
        || (s.server_at_least("2.4.11") && s.openssl_at_least("1.0.2"))
    {
        c += "SSLSessionTickets       off\n";
    }
    if s.ocsp {
        c += "\nSSLUseStapling On\nSSLStaplingCache \"shmcb:logs/ssl_stapling(32768)\"\n";
    }
    c
}

/// The CloudFormation parameter both AWS templates take: the certificate's ARN.
const AWS_PARAMETERS: &str = "Parameters:\n  SSLCertificateId:\n    Description: The ARN of the ACM SSL certificate to use\n    Type: String\n    AllowedPattern: ^arn:aws:acm:[^:]*:[^:]*:certificate/.*$\n    ConstraintDescription: >\n      SSL Certificate ID must be a valid ACM ARN.\n      https://docs.aws.amazon.com/general/latest/gr/aws-arns-and-namespaces.html#genref-arns\n";

fn awsalb(s: &State<'_>) -> String {
    let name = s.server.name;
    let hsts = if s.hsts {
        format!(
            "\n  # {name} doesn't support HSTS, but it can redirect to HTTPS\n  ExampleALBHTTPToHTTPSRedirect:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    DependsOn: ExampleALB\n    Properties:\n      DefaultActions:\n        - RedirectConfig:\n            Host: \"#{{host}}\"\n            Path: \"/#{{path}}\"\n            Port: 443\n            Protocol: \"HTTPS\"\n            Query: \"#{{query}}\"\n            StatusCode: HTTP_308\n          Type: redirect\n      LoadBalancerArn: !Ref ExampleALB\n      Port: 80\n      Protocol: HTTP\n"
        )
    } else {
        String::new()
    };
    let policy = if s.has_protocol("TLSv1") {
        "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09"
    } else if s.has_protocol("TLSv1.2") {
        "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
    } else {
        "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09"
    };
    format!(
        r#"# Please note that Application Load Balancers don't allow you to directly specify protocols
# and ciphers, so this is the closest existing mapping from the Mozilla {config}
# profile onto an existing Amazon SSL Security Policy. For additional information, please see:
# https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html#describe-ssl-policies
AWSTemplateFormatVersion: 2010-09-09
Description: Mozilla ALB configuration generated {date}, {link}
{parameters}Resources:
  ExampleALB:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    DependsOn: ExampleVPCGatewayAttachment
    Properties:
      SecurityGroups:
        - !Ref ExampleSecurityGroup
      Subnets:
        - !Ref ExampleSubnet1
        - !Ref ExampleSubnet2
  ExampleALBListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Certificates:
        - CertificateArn: !Ref SSLCertificateId
      DefaultActions:
        # For simplicity, this example doesn't send traffic to a backend EC2 instance
        # or Lambda function and instead just returns a static page. To change this
        # to use a real backend, use the "forward" action type in DefaultActions and
        # provision a "AWS::ElasticLoadBalancingV2::TargetGroup" resource
        - FixedResponseConfig:
            ContentType: text/html
            MessageBody: You've reached your {name}
            StatusCode: '200'
          Type: fixed-response
      LoadBalancerArn: !Ref ExampleALB
      Port: 443
      Protocol: HTTPS
      SslPolicy: {policy}
{hsts}
  # Everything that follows is the infrastructure to enable an AWS ALB to be provisioned
  # If you have pre-existing resources like a VPC, subnets, route tables, etc you don't
  # need to provision these and instead you can merely reference them above.
  ExampleVPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 172.28.200.0/24
  ExampleIGW:
    Type: AWS::EC2::InternetGateway
  ExampleVPCGatewayAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      InternetGatewayId: !Ref ExampleIGW
      VpcId: !Ref ExampleVPC
  ExampleRouteTable:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref ExampleVPC
  ExampleRoute:
    Type: AWS::EC2::Route
    DependsOn: ExampleVPCGatewayAttachment
    Properties:
      RouteTableId: !Ref ExampleRouteTable
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref ExampleIGW
  ExampleSubnet1:
    Type: AWS::EC2::Subnet
    Properties:
      CidrBlock: 172.28.200.0/25
      AvailabilityZone: !Select
        - 0
        - Fn::GetAZs: !Ref 'AWS::Region'
      VpcId: !Ref ExampleVPC
  ExampleSubnet2:
    Type: AWS::EC2::Subnet
    Properties:
      CidrBlock: 172.28.200.128/25
      AvailabilityZone: !Select
        - 1
        - Fn::GetAZs: !Ref 'AWS::Region'
      VpcId: !Ref ExampleVPC
  ExampleSubnet1RouteTableAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref ExampleSubnet1
      RouteTableId: !Ref ExampleRouteTable
  ExampleSubnet2RouteTableAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref ExampleSubnet2
      RouteTableId: !Ref ExampleRouteTable
  ExampleSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Allow inbound traffic from the internet
      SecurityGroupIngress:
        - CidrIp: 0.0.0.0/0
          IpProtocol: '-1'
      VpcId: !Ref ExampleVPC

Outputs:
  ALBURL:
    Description: URL of the ALB load balancer
    Value: !Join [ '', [ 'https://', !GetAtt 'ExampleALB.DNSName', '/' ] ]
"#,
        config = s.config,
        date = s.date,
        link = s.link,
        parameters = AWS_PARAMETERS,
    )
}

fn awselb(s: &State<'_>) -> String {
    let mut attributes = String::new();
    for p in &s.protocols {
        attributes += &format!("            - Name: Protocol-{p}\n              Value: true\n");
    }
    attributes += &format!(
        "            - Name: Server-Defined-Cipher-Order\n              Value: {}\n",
        true_false(s.server_preferred_order)
    );
    for x in &s.ciphers {
        attributes += &format!("            - Name: {x}\n              Value: true\n");
    }
    format!(
        r#"AWSTemplateFormatVersion: 2010-09-09
Description: Mozilla ELB configuration generated {date}, {link}
{parameters}Resources:
  ExampleELB:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '80'
          PolicyNames:
            - Mozilla-{config}-v5-0
          SSLCertificateId: !Ref SSLCertificateId
          Protocol: HTTPS
      AvailabilityZones:
        Fn::GetAZs: !Ref 'AWS::Region'
      Policies:
        - PolicyName: Mozilla-{config}-v5-0
          PolicyType: SSLNegotiationPolicyType
          Attributes:
{attributes}
Outputs:
  ELBURL:
    Description: URL of the ELB load balancer
    Value: !Join [ '', [ 'https://', !GetAtt 'ExampleELB.DNSName', '/' ] ]
"#,
        date = s.date,
        link = s.link,
        config = s.config,
        parameters = AWS_PARAMETERS,
    )
}

fn caddy(s: &State<'_>) -> String {
    let mut c = if s.server_at_least("2.0.0") {
        head(s, "#")
    } else {
        "\n# note that Caddy version 1 reached end-of-life > 4 years ago back in 2020\n".into()
    };
    c += "\n# replace example.com with your domain name\nexample.com {\n\n  tls {\n    # Note: Caddy automatically configures safe TLS settings,\n    # so 'ciphers' and 'curves' may safely be commented out to use Caddy defaults.\n";
    if !s.ciphers.is_empty() {
        if s.has_protocol("TLSv1.2") {
            c += "\n    # Due to a lack of DHE support, you -must- use an ECDSA cert to support IE 11 on Windows 7\n\n";
        }
        c += &format!("    ciphers {}\n", s.ciphers.join(" "));
    }
    c += "    curves";
    for g in &s.tls_curves {
        if let Some(name) = group_name(
            g,
            ["x25519mlkem768", "", "", "x25519", "secp256r1", "secp384r1"],
        ) {
            c += &format!(" {name}");
        }
    }
    c += "\n";
    if s.has_protocol("TLSv1.1") {
        c += "    # Note: Caddy supports only TLSv1.2 and later\n";
    }
    c += if s.has_protocol("TLSv1.2") {
        "    #protocols tls1.2 tls1.3\n"
    } else {
        "    protocols tls1.3\n"
    };
    c += "  }\n";
    if s.hsts {
        c += &format!(
            "\n  # HSTS ({0} seconds)\n  header Strict-Transport-Security \"max-age={0}; includeSubDomains\"\n",
            s.hsts_max_age
        );
    }
    c += "\n}\n";
    c
}

fn coturn(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "\ntls-listening-port=5349\n\ncert=/path/to/ca_signing_cert\npkey=/path/to/ca_signing_private_key\n";
    if !s.ciphers.is_empty() {
        c += &format!("\ncipher-list=\"{}\"\n", s.ciphers.join(":"));
    }
    if s.uses_dhe {
        c += &format!(
            "\n# {} > /path/to/dhparam\ndh-file=/path/to/dhparam\n",
            s.dh_command
        );
    }
    if s.server_at_least("3.2.2") {
        c += "\nno-sslv2\nno-sslv3\n";
        for (p, line) in [
            ("TLSv1", "no-tlsv1\n"),
            ("TLSv1.1", "no-tlsv1_1\n"),
            ("TLSv1.2", "no-tlsv1_2\n"),
        ] {
            if !s.has_protocol(p) {
                c += line;
            }
        }
    }
    c
}

fn dovecot(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "ssl = required\n\n";
    c += if s.server_at_least("2.4.0") {
        "ssl_server_cert_file = /path/to/signed_cert_plus_intermediates\nssl_server_key_file = /path/to/private_key\n"
    } else {
        "ssl_cert = </path/to/signed_cert_plus_intermediates\nssl_key = </path/to/private_key\n"
    };
    if s.uses_dhe {
        c += "\n";
        c += &if s.server_at_least("2.3.0") {
            format!(
                "# {} > /path/to/dhparam\nssl_dh = </path/to/dhparam\n",
                s.dh_command
            )
        } else {
            format!(
                "ssl_dh_parameters_length = {}\n",
                s.dh_param_size.as_deref().unwrap_or("null")
            )
        };
    }
    c += &format!("\n# {} configuration\n", s.config);
    c += &if s.server_at_least("2.3.0") {
        format!("ssl_min_protocol = {}\n", s.min_protocol())
    } else {
        format!("ssl_protocols = {}\n", s.protocols.join(" "))
    };
    c += &if s.server_at_least("2.4.0") {
        format!(
            "ssl_server_prefer_ciphers = {}",
            if s.server_preferred_order {
                "server"
            } else {
                "client"
            }
        )
    } else {
        format!(
            "ssl_prefer_server_ciphers = {}",
            yes_no(s.server_preferred_order)
        )
    };
    c += &format!("\nssl_curve_list = {}\n", s.tls_curves.join(":"));
    if !s.ciphers.is_empty() {
        c += &format!("ssl_cipher_list = {}\n", s.ciphers.join(":"));
    }
    c
}

fn exim(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += &format!(
        "tls_advertise_hosts = *\ntls_certificate = /path/to/signed_cert_plus_intermediates\ntls_privatekey = /path/to/private_key\n\n# {} configuration\nopenssl_options = +no_sslv2 +no_sslv3",
        s.config
    );
    for (p, flag) in [
        ("TLSv1", " +no_tlsv1"),
        ("TLSv1.1", " +no_tlsv1_1"),
        ("TLSv1.2", " +no_tlsv1_2"),
    ] {
        if !s.has_protocol(p) {
            c += flag;
        }
    }
    c += "\n";
    if s.server_at_least("4.97") && s.openssl_at_least("1.1.1") {
        c += &format!("tls_eccurve = {}\n", s.tls_curves.join(":"));
    }
    if !s.ciphers.is_empty() {
        c += &format!("tls_require_ciphers = {}\n", s.ciphers.join(":"));
    }
    if s.uses_dhe {
        c += &format!(
            "\n# {} > /path/to/dhparam\ntls_dhparam = /path/to/dhparam\n",
            s.dh_command
        );
    }
    c
}

fn go(s: &State<'_>) -> String {
    let mut c = head(s, "//");
    c += "package main\n\nimport (\n    \"crypto/tls\"\n    \"log\"\n    \"net/http\"\n";
    if s.hsts {
        c += "    \"time\"\n";
    }
    c += ")\n\nfunc main() {\n    mux := http.NewServeMux()\n    mux.HandleFunc(\"/\", func(w http.ResponseWriter, req *http.Request) {\n";
    if s.hsts {
        c += &format!(
            "        w.Header().Add(\"Strict-Transport-Security\", \"max-age={}; includeSubDomains\")\n",
            s.hsts_max_age
        );
    }
    c += &format!(
        "        w.Write([]byte(\"This server is running the Mozilla {} configuration.\\n\"))\n    }})\n",
        s.config
    );
    if s.hsts {
        c += "\n    go func() {\n        redirectToHTTPS := func(w http.ResponseWriter, req *http.Request) {\n            http.Redirect(w, req, \"https://\"+req.Host+req.RequestURI, http.StatusMovedPermanently)\n        }\n        srv := &http.Server{\n            Handler:     http.HandlerFunc(redirectToHTTPS),\n            ReadTimeout: 60 * time.Second, WriteTimeout: 60 * time.Second,\n        }\n        log.Fatal(srv.ListenAndServe())\n    }()\n";
    }
    c += "\n";
    if !s.ciphers.is_empty() && s.has_protocol("TLSv1.2") && !s.has_protocol("TLSv1.1") {
        c += "    // Due to a lack of DHE support, you -must- use an ECDSA cert to support IE 11 on Windows 7\n";
    }
    c += &format!(
        "    cfg := &tls.Config{{\n        MinVersion: tls.{},\n        CurvePreferences: []tls.CurveID{{\n",
        go_min_version(s)
    );
    for g in &s.tls_curves {
        if let Some(name) = group_name(
            g,
            [
                "X25519MLKEM768,       // Go 1.24+",
                "SecP256r1MLKEM768,    // Go 1.26+",
                "SecP384r1MLKEM1024,   // Go 1.26+",
                "X25519,               // Go 1.8+",
                "CurveP256,",
                "CurveP384,",
            ],
        ) {
            c += &format!("            tls.{name}\n");
        }
    }
    c += "        },\n";
    if s.server_preferred_order {
        c += "        PreferServerCipherSuites: true,\n";
    }
    if !s.ciphers.is_empty() {
        c += "        CipherSuites: []uint16{\n";
        for x in &s.ciphers {
            c += &format!("            tls.{x},\n");
        }
        c += "        },\n";
    }
    c += "    }\n\n    srv := &http.Server{\n        Addr:      \":443\",\n        Handler:   mux,\n        TLSConfig: cfg,\n        // Consider setting ReadTimeout, WriteTimeout, and IdleTimeout\n        // to prevent connections from taking resources indefinitely.\n    }\n\n    log.Fatal(srv.ListenAndServeTLS(\n        \"/path/to/signed_cert_plus_intermediates\",\n        \"/path/to/private_key\",\n    ))\n}\n";
    c
}

fn haproxy(s: &State<'_>) -> String {
    if !s.server_at_least("1.5.0") {
        return "Sorry, TLS is not supported in this version of HAProxy.\n".into();
    }
    let defaults = |tag: &str| {
        let mut c = String::new();
        if s.server_at_least("2.9.0") || tag == "bind" {
            c += &format!("    ssl-default-{tag}-curves {}\n", s.tls_curves.join(":"));
        }
        if !s.ciphers.is_empty() {
            c += &format!("    ssl-default-{tag}-ciphers {}\n", s.ciphers.join(":"));
        }
        if s.server_at_least("1.9.0") && s.openssl_at_least("1.1.1") {
            c += &format!(
                "    ssl-default-{tag}-ciphersuites {}\n",
                s.cipher_suites.join(":")
            );
        }
        c += &format!("    ssl-default-{tag}-options");
        if s.server_at_least("1.8.0") && !s.server_preferred_order && tag == "bind" {
            c += " prefer-client-ciphers";
        }
        if s.server_at_least("2.2.0") {
            let min = match s.min_protocol() {
                "TLSv1" => "TLSv1.0",
                p => p,
            };
            c += &format!(" ssl-min-ver {min}");
        } else {
            for (p, flag) in [
                ("SSLv3", " no-sslv3"),
                ("TLSv1", " no-tlsv10"),
                ("TLSv1.1", " no-tlsv11"),
                ("TLSv1.2", " no-tlsv12"),
            ] {
                if !s.has_protocol(p) {
                    c += flag;
                }
            }
        }
        c += " no-tls-tickets\n\n";
        c
    };
    let mut c = head(s, "#");
    c += &format!("global\n    # {} configuration\n", s.config);
    c += &defaults("bind");
    c += &defaults("server");
    if s.uses_dhe {
        let level = if s.has_protocol("TLSv1.1")
            && s.openssl_at_least("3.0.0")
            && s.server_at_least("3.0.0")
        {
            "    ssl-security-level 0\n"
        } else {
            ""
        };
        c += &if s.server_at_least("1.6.0") {
            format!(
                "    # {} > /path/to/dhparam\n{level}    ssl-dh-param-file /path/to/dhparam\n\n",
                s.dh_command
            )
        } else {
            "    tune.ssl.default-dh-param 2048\n\n".into()
        };
    }
    c += &format!(
        "frontend ft_test\n    mode    http\n    bind    :443 ssl crt /path/to/<cert+privkey+intermediate>{}\n    bind    :80\n",
        if s.server_at_least("1.8.0") {
            " alpn h2,http/1.1"
        } else {
            ""
        }
    );
    if s.hsts {
        c += &format!(
            "    redirect scheme https code 308 if !{{ ssl_fc }}\n\n    # HSTS ({0} seconds)\n    http-response set-header Strict-Transport-Security \"max-age={0}; includeSubDomains\"\n",
            s.hsts_max_age
        );
    }
    c
}

fn jetty(s: &State<'_>) -> String {
    let items = |list: &[String]| {
        list.iter()
            .map(|x| format!("      <Item>{x}</Item>\n"))
            .collect::<String>()
    };
    let tls13 = s.has_protocol("TLSv1.3");
    let mut c = format!(
        "<!--\n{}\n{}\n-->\n<Configure id=\"sslContextFactory\" class=\"org.eclipse.jetty.util.ssl.SslContextFactory$Server\">\n  <Set name=\"KeyStorePath\">\n    <Property name=\"jetty.home\" default=\".\" />\n    <Property name=\"jetty.sslContext.keyStorePath\" default=\"/path/to/key_store\" />\n  </Set>\n\n",
        s.header, s.link
    );
    if tls13 {
        c += "  <!-- TLSv1.3 requires Java 11 or higher -->\n";
    }
    c += &format!(
        "  <Set name=\"IncludeProtocols\">\n    <Array type=\"String\">\n{}    </Array>\n  </Set>\n\n",
        items(&s.protocols)
    );
    if !s.ciphers.is_empty() {
        c += &format!(
            "  <Set name=\"IncludeCipherSuites\">\n    <Array type=\"String\">\n{}{}    </Array>\n  </Set>\n",
            if tls13 {
                items(&s.cipher_suites)
            } else {
                String::new()
            },
            items(&s.ciphers)
        );
    }
    c += &format!(
        "\n  <Set name=\"useCipherSuitesOrder\">\n    <Property name=\"jetty.sslContext.useCipherSuitesOrder\" default=\"{}\" />\n  </Set>\n</Configure>\n",
        true_false(s.server_preferred_order)
    );
    c
}

fn lighttpd(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "#server.port = 80\n$SERVER[\"socket\"] == \"[::]:80\" { }\n";
    if s.server_at_least("1.4.50") {
        c += "\n# select one TLS module: \"mod_openssl\" \"mod_mbedtls\" \"mod_gnutls\" \"mod_wolfssl\" \"mod_nss\"\nserver.modules += (\"mod_openssl\")\n\n# lighttpd 1.4.56 and later will inherit ssl.* from the global scope if\n# $SERVER[\"socket\"] contains ssl.engine = \"enable\" and no other ssl.* options\n# (to avoid having to repeat ssl.* directives in both \":443\" and \"[::]:443\")\n$SERVER[\"socket\"] ==     \":443\" { ssl.engine = \"enable\" }\n$SERVER[\"socket\"] == \"[::]:443\" { ssl.engine = \"enable\" }\nssl.privkey = \"/path/to/private_key\"\nssl.pemfile = \"/path/to/signed_cert_followed_by_intermediates\"\n";
        if s.openssl_at_least("1.0.2") {
            if s.openssl_at_least("1.1.0") {
                let comment = if s.server_at_least("1.4.77") {
                    s.min_protocol() == "TLSv1.3"
                } else if s.server_at_least("1.4.56") {
                    s.min_protocol() == "TLSv1.2"
                } else {
                    false
                };
                if comment {
                    c += "#";
                }
                c += &format!(
                    "ssl.openssl.ssl-conf-cmd = (\"MinProtocol\" => \"{}\")",
                    s.min_protocol()
                );
                if comment {
                    c += &format!("  # lighttpd {} TLS default", s.version);
                }
                c += "\n";
            } else {
                c += &format!(
                    "ssl.openssl.ssl-conf-cmd = (\"Protocol\" => \"-ALL, {}\")\n",
                    s.protocols.join(", ")
                );
            }
            let comment = s.server_at_least("1.4.77");
            if comment {
                c += "#";
            }
            c += &format!(
                "ssl.openssl.ssl-conf-cmd += (\"Curves\" => \"{}\")",
                s.tls_curves.join(":")
            );
            if comment {
                c += &format!("  # lighttpd {} TLS default appends X448", s.version);
            }
            c += "\n";
            if !s.server_at_least("1.4.68") || s.server_preferred_order {
                c += &format!(
                    "ssl.openssl.ssl-conf-cmd += (\"Options\" => \"{}ServerPreference\")\n",
                    if s.server_preferred_order { "+" } else { "-" }
                );
            }
            if !s.ciphers.is_empty() {
                c += &if s.server_at_least("1.4.68") && s.config != "old" {
                    format!(
                        "\n# lighttpd TLS defaults are widely supported by clients and should be preferred.\n# See https://wiki.lighttpd.net/Docs_SSL\n# Uncomment to better match the less restricted Mozilla {} spec.\n#ssl.openssl.ssl-conf-cmd += (\"CipherString\" => \"{}\")\n",
                        s.config,
                        s.ciphers.join(":")
                    )
                } else {
                    format!(
                        "# TLS modules besides mod_openssl might name ciphers differently\n# See https://wiki.lighttpd.net/Docs_SSL\nssl.openssl.ssl-conf-cmd += (\"CipherString\" => \"{}\")\n",
                        s.ciphers.join(":")
                    )
                };
            }
            if s.ocsp {
                c += "\n# OCSP stapling (input file must be maintained by external script, e.g. cert-staple.sh)\n# https://wiki.lighttpd.net/Docs_SSL#OCSP-Stapling\nssl.stapling-file = \"/path/to/cert-staple.der\"\n";
            }
        } else {
            c += &format!(
                "ssl.use-sslv2 = \"disable\"\nssl.use-sslv3 = \"disable\"\nssl.honor-cipher-order = \"{}\"\n",
                if s.server_preferred_order {
                    "enable"
                } else {
                    "disable"
                }
            );
            if !s.ciphers.is_empty() {
                c += &format!("ssl.cipher-list = \"{}\"\n", s.ciphers.join(":"));
            }
        }
    } else {
        c += "\n";
        if s.server_at_least("1.4.46") {
            c += "#server.modules += (\"mod_openssl\")\n";
        }
        // The generator's template drops its certificate lines here (an expression whose
        // value it never appends), and so does its output.
        c += "$SERVER[\"socket\"] == \":443\" {\n    ssl.engine  = \"enable\"\n";
        if s.uses_dhe && s.server_at_least("1.4.29") {
            c += &format!(
                "\n    # {} > /path/to/dhparam\n    ssl.dh-file = \"/path/to/dhparam\"\n",
                s.dh_command
            );
        }
        c += &format!("    # {} configuration\n", s.config);
        if s.server_at_least("1.4.48") {
            // Likewise its `"Options" => "-SessionTicket")` line, which leaves the list open.
            if s.openssl_at_least("1.1.0") {
                c += &format!(
                    "    ssl.openssl.ssl-conf-cmd = (\"MinProtocol\" => \"{}\",\n                                \"Curves\" => \"{}\",\n",
                    s.min_protocol(),
                    s.tls_curves.join(":")
                );
            } else if s.openssl_at_least("1.0.2") {
                c += &format!(
                    "    ssl.openssl.ssl-conf-cmd = (\"Protocol\" => \"-ALL, {}\",\n                                \"Curves\" => \"{}\",\n",
                    s.protocols.join(", "),
                    s.tls_curves.join(":")
                );
            } else {
                c += "    ssl.use-sslv2 = \"disable\"\n    ssl.use-sslv3 = \"disable\"\n";
            }
        } else {
            c += "    ssl.use-sslv2 = \"disable\"\n    ssl.use-sslv3 = \"disable\"\n";
        }
        c += &format!(
            "    ssl.honor-cipher-order = \"{}\"\n",
            if s.server_preferred_order {
                "enable"
            } else {
                "disable"
            }
        );
        if !s.ciphers.is_empty() {
            c += &format!("ssl.cipher-list = \"{}\"\n", s.ciphers.join(":"));
        }
        c += "}\n#$SERVER[\"socket\"] == \"[::]:443\" { ... } # repeat entire $SERVER[\"socket\"] == \":443\" { ... } config above for IPv6\n";
    }
    if s.hsts {
        // The generator's `'# HSTS\n' + … ? … : …` always appends the first branch, without
        // the `# HSTS` line.
        c += "\nserver.modules += (\"mod_redirect\")\nserver.modules += (\"mod_setenv\")\n";
        c += &format!(
            "$HTTP[\"scheme\"] == \"https\" {{\n    # HTTP Strict Transport Security ({0} seconds)\n    setenv.add-response-header = (\n      \"Strict-Transport-Security\" => \"max-age={0}; includeSubDomains\"\n    )\n}}\nelse $HTTP[\"scheme\"] == \"http\" {{\n",
            s.hsts_max_age
        );
        c += if s.server_at_least("1.4.50") {
            "    url.redirect = (\"\" => \"https://${url.authority}${url.path}${qsa}\")\n"
        } else {
            "    $HTTP[\"host\"] =~ \".*\" {\n        url.redirect = (\".*\" => \"https://%0$0\")\n    }\n"
        };
        c += "}\n";
    }
    c
}

/// LiteSpeed's `sslProtocol` bit mask for the protocols, where it has one.
fn litespeed_mask(s: &State<'_>) -> Option<u8> {
    match s.protocols.join(",").as_str() {
        "TLSv1.3" => Some(16),
        "TLSv1.2,TLSv1.3" => Some(24),
        "TLSv1,TLSv1.1,TLSv1.2,TLSv1.3" => Some(30),
        _ => None,
    }
}

fn litespeed(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "\n<httpServerConfig>\n  <listenerList>\n    <listener>\n      <name>HTTPS</name>\n      <address>*:443</address>\n      <secure>1</secure>\n      <keyFile>/path/to/private_key</keyFile>\n      <certFile>/path/to/signed_cert_followed_by_intermediates</certFile>\n";
    if let Some(mask) = litespeed_mask(s) {
        c += &format!("      <sslProtocol>{mask}</sslProtocol>\n");
    }
    if !s.ciphers.is_empty() {
        c += &format!("      <ciphers>{}</ciphers>\n", s.ciphers.join(":"));
    }
    if s.ocsp {
        c += "      <enableStapling>1</enableStapling>\n";
    }
    c += "    </listener>\n  </listenerList>\n</httpServerConfig>\n";
    if s.hsts {
        c += &format!(
            "\n<virtualHostConfig>\n  <context>\n    <type>static</type>\n    <uri>/</uri>\n    <location>$DOC_ROOT/</location>\n    <allowBrowse>1</allowBrowse>\n    <extraHeaders>Header Set Strict-Transport-Security: max-age={}; includeSubDomains</extraHeaders>\n    <addDefaultCharset>off</addDefaultCharset>\n  </context>\n</virtualHostConfig>\n",
            s.hsts_max_age
        );
    }
    c
}

fn mysql(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += &format!(
        "[mysqld]\nrequire_secure_transport = on\nssl-cert = /path/to/signed_cert_plus_intermediates\nssl-key = /path/to/private_key\ntls_version = {}\n",
        s.protocols.join(",")
    );
    if !s.ciphers.is_empty() {
        c += &format!("ssl-cipher = {}\n", s.ciphers.join(":"));
    }
    c
}

fn nginx(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "\nhttp {\n\n    server {\n";
    c += if s.server_at_least("1.25.1") {
        "        listen 443 ssl;\n        listen [::]:443 ssl;\n        http2 on;\n"
    } else if s.server_at_least("1.9.5") {
        "        listen 443 ssl http2;\n        listen [::]:443 ssl http2;\n"
    } else {
        "        listen 443 ssl;\n        listen [::]:443 ssl;\n"
    };
    c += "        ssl_certificate /path/to/signed_cert_plus_intermediates;\n        ssl_certificate_key /path/to/private_key;\n";
    if s.hsts {
        c += &format!(
            "\n        # HSTS (ngx_http_headers_module is required) ({0} seconds)\n        add_header Strict-Transport-Security \"max-age={0}; includeSubDomains\"{1};\n",
            s.hsts_max_age,
            if s.server_at_least("1.7.5") {
                " always"
            } else {
                ""
            }
        );
    }
    c += &format!(
        "    }}\n\n    # {} configuration\n    ssl_protocols {};\n    ssl_ecdh_curve {};\n",
        s.config,
        s.protocols.join(" "),
        s.tls_curves.join(":")
    );
    if !s.ciphers.is_empty() {
        c += &format!("    ssl_ciphers {};\n", s.ciphers.join(":"));
    }
    c += &format!(
        "    ssl_prefer_server_ciphers {};\n",
        on_off(s.server_preferred_order)
    );
    c += if s.min_protocol() == "TLSv1.3" {
        "\n    # uncomment to enable if ssl_protocols includes TLSv1.2 or earlier;\n    # see also ssl_session_ticket_key alternative to stateful session cache\n    #ssl_session_timeout 1d;\n    #ssl_session_cache shared:MozSSL:10m;  # about 40000 sessions\n"
    } else {
        "\n    # see also ssl_session_ticket_key alternative to stateful session cache\n    ssl_session_timeout 1d;\n    ssl_session_cache shared:MozSSL:10m;  # about 40000 sessions\n"
    };
    if !s.server_at_least("1.23.2") && s.server_at_least("1.5.9") && s.openssl_at_least("1.0.2l") {
        c += "    ssl_session_tickets off;\n";
    }
    if s.uses_dhe {
        c += &format!(
            "\n    # {} > /path/to/dhparam\n    ssl_dhparam \"/path/to/dhparam\";\n",
            s.dh_command
        );
    }
    if s.ocsp {
        c += "\n    # OCSP stapling\n    ssl_stapling on;\n    ssl_stapling_verify on;\n\n    # verify chain of trust of OCSP response using Root CA and Intermediate certs\n    ssl_trusted_certificate /path/to/root_CA_cert_plus_intermediates;\n\n    # replace with the IP address of your resolver;\n    # async 'resolver' is important for proper operation of OCSP stapling\n    resolver 127.0.0.1;\n\n    # If certificates are marked OCSP Must-Staple, consider managing the\n    # OCSP stapling cache with an external script, e.g. certbot-ocsp-fetcher\n";
    }
    if s.hsts {
        c += "\n    # HSTS\n    server {\n        listen 80 default_server;\n        listen [::]:80 default_server;\n\n        return 308 https://$host$request_uri;\n    }\n";
    }
    c += "}\n";
    c
}

fn openlitespeed(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    if !s.server_at_least("1.4.35") {
        c += "\n# Note that the current requested OpenLiteSpeed version may not support the following configurations!\n";
    }
    c += "\nlistener https {\n  address                 *:443\n  secure                  1\n  keyFile                 /path/to/private_key\n  certFile                /path/to/signed_cert_followed_by_intermediates\n";
    if !s.ciphers.is_empty() {
        c += &format!("  ciphers                 {}\n", s.ciphers.join(":"));
    }
    if s.ocsp {
        c += "  enableStapling          1\n";
    }
    if let Some(mask) = litespeed_mask(s) {
        c += &format!("  sslProtocol             {mask}\n");
    }
    c += "}\n";
    if s.hsts {
        c += &format!(
            "\ncontext / {{\n  location                $DOC_ROOT/\n  allowBrowse             1\n  extraHeaders            Header Set Strict-Transport-Security: max-age={}; includeSubDomains\n}}\n",
            s.hsts_max_age
        );
    }
    c
}

fn oraclehttp(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    if s.hsts {
        c += "<VirtualHost *:80>\n    RewriteEngine On\n    RewriteCond %{REQUEST_URI} !^/.well-known/acme-challenge/\n    RewriteRule ^.*$ https://%{HTTP_HOST}%{REQUEST_URI} [R=308,QSA,L]\n</VirtualHost>\n\n";
    }
    c += "<VirtualHost *:443>\n    SSLEngine on\n    SSLWallet           /path/to/wallet\n";
    if s.hsts {
        c += &format!(
            "\n    # HTTP Strict Transport Security (mod_headers is required) ({0} seconds)\n    Header always set Strict-Transport-Security \"max-age={0}; includeSubDomains\"\n",
            s.hsts_max_age
        );
    }
    c += &format!(
        "</VirtualHost>\n\n# {} configuration\nSSLProtocol             -all +{}\nSSLCipherSuite          {}\n",
        s.config,
        s.protocols.join(" +"),
        s.ciphers.join(":")
    );
    if s.server_at_least("12.2.1") {
        c += &format!(
            "SSLHonorCipherOrder     {}\n",
            on_off(s.server_preferred_order)
        );
    }
    c
}

fn postfix(s: &State<'_>) -> String {
    let protos = if s.server_at_least("3.6.0") {
        format!(">={}", s.min_protocol())
    } else {
        let mut p = String::from("!SSLv2, !SSLv3");
        for (v, flag) in [
            ("TLSv1", ", !TLSv1"),
            ("TLSv1.1", ", !TLSv1.1"),
            ("TLSv1.2", ", !TLSv1.2"),
        ] {
            if !s.has_protocol(v) {
                p += flag;
            }
        }
        p
    };
    let mut c = head(s, "#");
    c += "smtpd_tls_auth_only = yes\n";
    c += if s.server_at_least("3.4.0") {
        "smtpd_tls_chain_files =\n  /path/to/private_key,\n  /path/to/signed_cert_plus_intermediates\n"
    } else {
        "smtpd_tls_cert_file = /path/to/signed_cert_plus_intermediates\nsmtpd_tls_key_file = /path/to/private_key\n"
    };
    c += &format!(
        "smtpd_tls_security_level = may\nsmtpd_tls_mandatory_protocols = {protos}\nsmtpd_tls_protocols           = {protos}\n\nsmtp_tls_security_level = may\nsmtp_tls_mandatory_protocols  = {protos}\nsmtp_tls_protocols            = {protos}\n\ntls_preempt_cipherlist = {}\ntls_eecdh_auto_curves = {}\ntls_ffdhe_auto_groups =\n",
        yes_no(s.server_preferred_order),
        s.tls_curves.join(" ")
    );
    if !s.ciphers.is_empty() {
        c += &format!(
            "smtp_tls_mandatory_ciphers = medium\nsmtpd_tls_mandatory_ciphers = medium\ntls_medium_cipherlist = {}\n",
            s.ciphers.join(":")
        );
    }
    if s.uses_dhe {
        c += &format!(
            "\n# {} > /path/to/dhparam\nsmtpd_tls_dh1024_param_file = /path/to/dhparam\n",
            s.dh_command
        );
    }
    c
}

fn postgresql(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "ssl = on\n\nssl_cert_file = '/path/to/signed_cert_plus_intermediates'\nssl_key_file = '/path/to/private_key'\n\n";
    if s.server_at_least("12.0.0") {
        c += &format!("ssl_min_protocol_version = '{}'\n", s.min_protocol());
    }
    if s.server_at_least("18.0.0") {
        c += &format!("ssl_groups = '{}'\n", s.tls_curves.join(":"));
    }
    if !s.ciphers.is_empty() {
        c += &format!("ssl_ciphers = '{}'\n", s.ciphers.join(":"));
    }
    if s.uses_dhe && s.server_at_least("10.0.0") {
        c += &format!(
            "\n# {} > /path/to/dhparam\nssl_dh_params_file = '/path/to/dhparam'\n",
            s.dh_command
        );
    }
    c
}

fn proftpd(s: &State<'_>) -> String {
    let mut c = head(s, "#");
    c += "TLSEngine                     on\nTLSRequired                   on\n\nTLSCertificateChainFile       /path/to/certificate_chain\n\n# ECDSA certificate\nTLSECCertificateFile          /path/to/signed_cert\nTLSECCertificateKeyFile       /path/to/private_key\n\n# RSA certificate, if using RSA certificates instead\n# TLSRSACertificateFile         /path/to/signed_cert\n# TLSRSACertificateKeyFile      /path/to/private_key\n";
    if s.uses_dhe {
        c += &format!(
            "\n# {} >> /path/to/dhparam\nTLSDHParamFile                /path/to/dhparam\n",
            s.dh_command
        );
    }
    c += &format!(
        "\n# {} configuration\nTLSProtocol                   {}\n",
        s.config,
        s.protocols.join(" ")
    );
    if s.openssl_at_least("1.0.2") {
        c += &format!("TLSECDHCurve                  {}\n", s.tls_curves.join(":"));
    }
    if !s.ciphers.is_empty() {
        c += &format!("TLSCipherSuite                {}\n", s.ciphers.join(":"));
    }
    if s.server_at_least("1.3.6") {
        c += &format!(
            "TLSServerCipherPreference     {}\n",
            on_off(s.server_preferred_order)
        );
        if s.openssl_at_least("1.0.2l") {
            c += "TLSSessionTickets             off\n";
        }
        if s.ocsp {
            c += "\nTLSStapling                   on\n# requires mod_tls_shmcache\nTLSStaplingCache              shm:/file=/var/ftpd/ocsp_pcache\n";
        }
    }
    c
}

fn redis(s: &State<'_>) -> String {
    if !s.server_at_least("6.0") {
        return String::new();
    }
    let mut c = head(s, "#");
    c += &format!(
        "port 0\ntls-port 6379\ntls-cluster yes\ntls-replication yes\n\ntls-cert-file /path/to/signed_cert_plus_intermediates\ntls-key-file /path/to/private_key\n\n# redis requires one of these, as it does not implicitly use the system-wide default\ntls-ca-cert-file /path/to/ca_certificates.crt\ntls-ca-cert-dir /path/to/ca_certificates\n\n# {} configuration\ntls-protocols \"{}\"\ntls-prefer-server-ciphers {}\n",
        s.config,
        s.protocols.join(" "),
        yes_no(s.server_preferred_order)
    );
    if !s.ciphers.is_empty() {
        c += &format!("tls-ciphers {}\n", s.ciphers.join(":"));
    }
    if !s.cipher_suites.is_empty() && s.openssl_at_least("1.1.1") {
        c += &format!("tls-ciphersuites {}\n", s.cipher_suites.join(":"));
    }
    if s.uses_dhe {
        c += &format!(
            "\n# {} > /path/to/dhparam\ntls-dh-params-file /path/to/dhparam\n",
            s.dh_command
        );
    }
    c
}

fn squid(s: &State<'_>) -> String {
    let v4 = s.server_at_least("4");
    let mut opts = format!(
        "  options={}",
        if v4 { "NO_SSLv3" } else { "NO_SSLv2,NO_SSLv3" }
    );
    for (p, flag) in [
        ("TLSv1", ",NO_TLSv1"),
        ("TLSv1.1", ",NO_TLSv1_1"),
        ("TLSv1.2", ",NO_TLSv1_2"),
    ] {
        if !s.has_protocol(p) {
            opts += flag;
        }
    }
    opts += ",NO_TICKET";
    if !s.ciphers.is_empty() {
        opts += &format!(" \\\n  cipher={}", s.ciphers.join(":"));
    }
    if s.uses_dhe {
        opts += &format!(
            " \\\n  tls-dh=/path/to/dhparam  # {} > /path/to/dhparam",
            s.dh_command
        );
    }
    opts += "\n";
    let prefix = if v4 { "tls-" } else { "" };
    let mut c = head(s, "#");
    c += &format!(
        "\n# The following example shows Squid configured as a cache proxy with SSL bump enabled\n\nhttp_port 3128 ssl-bump \\\n  {prefix}cert=/path/to/ca_signing_cert \\\n  {prefix}key=/path/to/ca_signing_private_key \\\n{opts}\nsslcrtd_program /usr/lib/squid/{} -s /var/cache/squid/ssl_db -M 4MB\nacl step1 at_step SslBump1\nssl_bump peek step1\nssl_bump bump all\n\n\n# The following example shows Squid configured as a reverse Proxy / Accelerator\n\nhttps_port 443 accel defaultsite=example.net \\\n  {prefix}cert=/path/to/signed_cert_plus_intermediates \\\n  {prefix}key=/path/to/private_key \\\n{opts}",
        if v4 {
            "security_file_certgen"
        } else {
            "ssl_crtd"
        }
    );
    c
}

fn stunnel(s: &State<'_>) -> String {
    let mut c = head(s, ";");
    c += "\n";
    if s.server_at_least("5.50") {
        c += &format!("sslVersionMin = {}\n", s.min_protocol());
        if s.min_protocol() == "TLSv1.3" {
            c += &format!("ciphersuites = {}\n", s.cipher_suites.join(":"));
        }
    } else {
        if !s.has_protocol("TLSv1.1") {
            c += "options = NO_TLSv1.1\n";
        }
        if !s.has_protocol("TLSv1") {
            c += "options = NO_TLSv1\n";
        }
    }
    if !s.openssl_at_least("1.0.1") {
        c += "options = NO_SSLv3\noptions = NO_SSLv2\n";
    }
    if s.openssl_at_least("1.1.1") {
        c += &format!("curves = {}\n", s.tls_curves.join(":"));
    }
    if !s.ciphers.is_empty() {
        c += &format!("ciphers = {}\n", s.ciphers.join(":"));
    }
    c += &format!(
        "\n; Example using client mode to proxy IMAP server\n[imap-proxy-server]\nclient = yes\naccept = 127.0.0.1:143\nconnect = imap.example.com:993\nCApath = /etc/ssl/certs\n{}verifyChain = yes\n\n; Example serving HTTPS for HTTP service\n[https-server]\naccept  = 443\nconnect = 80\nCAfile = /path/to/ca-cert\ncert = /path/to/cert\nkey = /path/to/private_key\n",
        if s.openssl_at_least("1.0.2") {
            "checkHost = imap.example.com\n"
        } else {
            ""
        }
    );
    c
}

fn tomcat(s: &State<'_>) -> String {
    let tls13 = s.has_protocol("TLSv1.3");
    let mut c = format!("<!--\n{}\n{}\n-->\n", s.header, s.link);
    if s.hsts {
        c += "<Connector\n    port=\"80\"\n    redirectPort=\"443\" />\n\n";
    }
    c += "<Connector\n    port=\"443\"\n    SSLEnabled=\"true\">\n\n";
    if tls13 {
        c += "    <!-- TLSv1.3 requires Java 11 or higher -->\n";
    }
    c += "    <SSLHostConfig\n";
    if !s.ciphers.is_empty() {
        c += &format!(
            "        ciphers=\"{}{}\"\n",
            if tls13 {
                format!("{}:", s.cipher_suites.join(":"))
            } else {
                String::new()
            },
            s.ciphers.join(":")
        );
    }
    c += &format!(
        "        disableSessionTickets=\"true\"\n        honorCipherOrder=\"{}\"\n        protocols=\"{}\">\n\n        <Certificate\n            certificateFile=\"/path/to/signed_certificate\"\n            certificateChainFile=\"/path/to/intermediate_certificate\"\n            certificateKeyFile=\"/path/to/private_key\" />\n    </SSLHostConfig>\n\n    <UpgradeProtocol className=\"org.apache.coyote.http2.Http2Protocol\" />\n</Connector>\n",
        true_false(s.server_preferred_order),
        s.protocols.join(",")
    );
    c
}

fn traefik(s: &State<'_>) -> String {
    let mut opts = format!("      minVersion = \"{}\"\n", go_min_version(s));
    opts += "      curvePreferences = [";
    for g in &s.tls_curves {
        if let Some(name) = group_name(
            g,
            ["X25519MLKEM768", "", "", "X25519", "CurveP256", "CurveP384"],
        ) {
            opts += &format!("\"{name}\",");
        }
    }
    opts.pop();
    opts += "]\n";
    if !s.ciphers.is_empty() {
        opts += &format!(
            "      cipherSuites = [\n        \"{}\"\n      ]\n",
            s.ciphers.join("\",\n        \"")
        );
    }
    let mut c = head(s, "#");
    if s.server_at_least("2.0.0") {
        c += "[http.routers]\n  [http.routers.router-secure]\n    rule = \"Host(`example.com`)\"\n    service = \"service-id\"\n";
        if s.hsts {
            c += "    middlewares = [\"hsts-header\"]\n";
        }
        c += &format!(
            "\n    [http.routers.router-secure.tls]\n      options = \"{}\"\n",
            s.config
        );
        if s.hsts {
            c += &format!(
                "\n  [http.routers.router-insecure]\n    rule = \"Host(`example.com`)\"\n    service = \"service-id\"\n    middlewares = [\"redirect-to-https\", \"hsts-header\"]\n\n[http.middlewares]\n  [http.middlewares.redirect-to-https.redirectScheme]\n    scheme = \"https\"\n  [http.middlewares.hsts-header.headers]\n    stsSeconds = {}\n    # Depending on your configuration you might want to also enable \"includeSubDomains\"\n    # and \"preload\". More infos about these directives can be found at\n    # https://infosec.mozilla.org/guidelines/web_security#http-strict-transport-security\n    #stsIncludeSubdomains = true\n    #stsPreload = true\n",
                s.hsts_max_age
            );
        }
        c += &format!(
            "\n# due to Go limitations, it is highly recommended that you use an ECDSA\n# certificate, or you may experience compatibility issues\n[[tls.certificates]]\n  certFile = \"/path/to/signed_cert_plus_intermediates\"\n  keyFile = \"/path/to/private_key\"\n\n[tls.options]\n  [tls.options.{}]\n{opts}",
            s.config
        );
    } else {
        c += "defaultEntryPoints = [\"http\", \"https\"]\n\n[entryPoints]\n";
        if s.hsts {
            c += "  [entryPoints.http]\n  address = \":80\"\n    [entryPoints.http.redirect]\n    entryPoint = \"https\"\n\n";
        }
        c += &format!(
            "  [entryPoints.https]\n  address = \":443\"\n    [entryPoints.https.tls]\n{opts}\n      # due to Go limitations, it is highly recommended that you use an ECDSA\n      # certificate, or you may experience compatibility issues\n      [[entryPoints.https.tls.certificates]]\n      certFile = \"/path/to/signed_cert_plus_intermediates\"\n      keyFile = \"/path/to/private_key\"\n"
        );
    }
    c
}
