using DataOps.Domain.Common;
using DataOps.Domain.Sanitization;

namespace DataOps.Tests.Domain.Sanitization;

public sealed class TextSanitizerTests
{
    private static readonly SanitizationOptions Options = new("client-1");

    public static TheoryData<string, string, SanitizationRule> Planted() => new()
    {
        { "Call me at 555-123-4567 tomorrow", "555-123-4567", SanitizationRule.PhoneRemoved },
        { "Office: (555) 987-6543.", "(555) 987-6543", SanitizationRule.PhoneRemoved },
        { "Cell +1 555 222 3333 is on", "555 222 3333", SanitizationRule.PhoneRemoved },
        { "UK desk +44 20 7946 0958 ok", "7946 0958", SanitizationRule.PhoneRemoved },
        { "phone 555.321.7654", "555.321.7654", SanitizationRule.PhoneRemoved },
        { "SSN 123-45-6789 on file", "123-45-6789", SanitizationRule.SsnRemoved },
        { "ssn: 987654321", "987654321", SanitizationRule.SsnRemoved },
        { "password=hunter2 in config", "hunter2", SanitizationRule.CredentialRemoved },
        { "Password: \"correct horse battery\"", "correct horse battery", SanitizationRule.CredentialRemoved },
        { "{\"api_key\": \"abc123def456\"}", "abc123def456", SanitizationRule.CredentialRemoved },
        { "DB_PASSWORD='s3cr3t!'", "s3cr3t!", SanitizationRule.CredentialRemoved },
        { "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI", SanitizationRule.CredentialRemoved },
        { "key AKIAIOSFODNN7EXAMPLE leaked", "AKIAIOSFODNN7EXAMPLE", SanitizationRule.CredentialRemoved },
        { "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", "eyJhbGciOiJIUzI1NiJ9", SanitizationRule.CredentialRemoved },
        { "use ghp_abcdefghijklmnopqrstuvwxyz0123456789AB now", "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB", SanitizationRule.CredentialRemoved },
        { "slack xoxb-1234567890-abcdefghij", "xoxb-1234567890-abcdefghij", SanitizationRule.CredentialRemoved },
        { "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", SanitizationRule.CredentialRemoved },
        { "token: ab12cd34", "ab12cd34", SanitizationRule.CredentialRemoved },
        { "https://api.example.net/v1?access_token=zzz999&x=1", "zzz999", SanitizationRule.CredentialRemoved },
        { "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "MIIEow", SanitizationRule.CredentialRemoved },
        { "mail jane.smith@acme-corp.com please", "jane.smith@acme-corp.com", SanitizationRule.EmailReplaced },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void Sanitize_PlantedValue_RemovedAndCounted(string text, string secret, SanitizationRule rule)
    {
        var result = TextSanitizer.Sanitize(text, Options);

        Assert.DoesNotContain(secret, result.Text, StringComparison.Ordinal);
        Assert.True(result.Report.CountOf(rule) >= 1, $"{rule} not counted in: {result.Report}");
    }

    [Theory]
    [InlineData("Release 2024-01-15 shipped at 10:30:00")]
    [InlineData("Build 1.2.3 fixed PROJ-1234 and PROJ-5678")]
    [InlineData("Order 1234567890 total 45.99")]
    [InlineData("The password reset flow is documented")]
    [InlineData("Meeting 2026-03-01T09:00:00Z in room 12-B")]
    [InlineData("Contact avery.alder.0a1b@example.com")]
    public void Sanitize_OrdinaryText_Unchanged(string text)
    {
        var result = TextSanitizer.Sanitize(text, Options);

        Assert.Equal(text, result.Text);
        Assert.Equal(0, result.Report.Total);
    }

    [Fact]
    public void Sanitize_Email_ReplacedByDeterministicExampleAddress()
    {
        var a = TextSanitizer.Sanitize("from jane@acme.io", Options);
        var b = TextSanitizer.Sanitize("to jane@acme.io", Options);

        Assert.Matches("^from [a-z]+\\.[a-z]+\\.[0-9a-f]{4}@example\\.com$", a.Text);
        Assert.Equal(a.Text[5..], b.Text[3..]);
    }

    [Fact]
    public void Sanitize_SanitizedTextAgain_Unchanged()
    {
        var once = TextSanitizer.Sanitize("jane@acme.io, 555-123-4567, SSN 123-45-6789, password=x, Bearer abcdef123", Options);

        var twice = TextSanitizer.Sanitize(once.Text, Options);

        Assert.Equal(once.Text, twice.Text);
        Assert.Equal(0, twice.Report.Total);
    }

    [Fact]
    public void Sanitize_KnownNames_ReplacedCaseInsensitivelyWholeWordOnly()
    {
        var options = new SanitizationOptions("client-1", knownNames: ["Jane Smith", "Bo"]);

        var result = TextSanitizer.Sanitize("Jane Smith and JANE SMITH met Janet Smithers; Bob stayed", options);

        var pseudonym = Pseudonyms.Name("Jane Smith", "client-1");
        Assert.Equal($"{pseudonym} and {pseudonym} met Janet Smithers; Bob stayed", result.Text);
        Assert.Equal(2, result.Report.CountOf(SanitizationRule.NameAnonymized));
    }

    [Fact]
    public void Sanitize_ExtraNames_UsedLikeKnownNames()
        => Assert.DoesNotContain("Priya Raman", TextSanitizer.Sanitize("ping Priya Raman", Options, ["Priya Raman"]).Text, StringComparison.Ordinal);

    [Fact]
    public void Sanitize_BearerTokenAfterKey_SingleRedaction()
    {
        var result = TextSanitizer.Sanitize("token: Bearer abc.def.ghi", Options);

        Assert.Equal("token: Bearer [REDACTED:credential]", result.Text);
        Assert.Equal(1, result.Report.CountOf(SanitizationRule.CredentialRemoved));
    }

    [Fact]
    public void Sanitize_Markers_NamedByKind()
    {
        var result = TextSanitizer.Sanitize("555-123-4567 / 123-45-6789", Options);

        Assert.Equal($"{TextSanitizer.PhoneMarker} / {TextSanitizer.SsnMarker}", result.Text);
    }

    [Fact]
    public void Options_EmptySalt_ThrowsNamingSalt()
        => Assert.Equal("salt", Assert.Throws<DomainValidationException>(() => new SanitizationOptions("")).Field);
}
