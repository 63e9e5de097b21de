using DataOps.Domain.Sanitization;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Sanitization;

public sealed class RecordSanitizerTests
{
    private static readonly SanitizationOptions Options = new("client-1");

    private static Dictionary<string, object?> PlantedJiraIssue() => Record(
        ("id", "ISSUE-1"),
        ("key", "MED-101"),
        ("summary", "Pump firmware review with Jane Smith"),
        ("description", "Call Jane Smith at 555-123-4567 or jane.smith@medtronic-client.com. Staging password=Winter2026! SSN 123-45-6789. Key AKIAIOSFODNN7EXAMPLE."),
        ("assignee_name", "Jane Smith"),
        ("assignee_email", "jane.smith@medtronic-client.com"),
        ("reporter_email", "raj.patel@medtronic-client.com"),
        ("reporter_phone", "555-765-4321"),
        ("api_token", "tok_live_abcdef"),
        ("labels", new[] { "fda", "owner:jane.smith@medtronic-client.com" }),
        ("created_at", T0),
        ("story_points", 5L),
        ("business_name", "Acme Devices"));

    [Fact]
    public void Sanitize_PlantedRecord_NoPiiSurvives()
    {
        var result = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options);

        var text = string.Join("\n", result.Record.Values.Select(v => v switch
        {
            IReadOnlyList<string> list => string.Join(",", list),
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        }));
        foreach (var pii in new[] { "Jane", "Smith", "555-123-4567", "555-765-4321", "medtronic-client.com", "raj.patel", "Winter2026!", "123-45-6789", "AKIAIOSFODNN7EXAMPLE", "tok_live_abcdef" })
        {
            Assert.DoesNotContain(pii, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Sanitize_PlantedRecord_ReportCountsEachRule()
    {
        var report = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options).Report;

        Assert.Equal(3, report.CountOf(SanitizationRule.NameAnonymized));
        Assert.Equal(4, report.CountOf(SanitizationRule.EmailReplaced));
        Assert.Equal(1, report.CountOf(SanitizationRule.PhoneRemoved));
        Assert.Equal(1, report.CountOf(SanitizationRule.SsnRemoved));
        Assert.Equal(2, report.CountOf(SanitizationRule.CredentialRemoved));
        Assert.Equal(2, report.CountOf(SanitizationRule.SensitiveFieldRemoved));
        Assert.Equal(0, report.CountOf(SanitizationRule.DateShifted));
    }

    [Fact]
    public void Sanitize_NameFieldAndTextMention_SamePseudonym()
    {
        var record = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options).Record;

        var pseudonym = (string)record["assignee_name"]!;
        Assert.Equal(Pseudonyms.Name("Jane Smith", "client-1"), pseudonym);
        Assert.Equal($"Pump firmware review with {pseudonym}", record["summary"]);
    }

    [Fact]
    public void Sanitize_EmailField_ReplacedDeterministically()
    {
        var a = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options).Record;
        var b = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options).Record;

        Assert.Equal(Pseudonyms.Email("jane.smith@medtronic-client.com", "client-1"), a["assignee_email"]);
        Assert.Equal(a["reporter_email"], b["reporter_email"]);
    }

    [Fact]
    public void Sanitize_SensitiveFields_Removed()
    {
        var record = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options).Record;

        Assert.False(record.ContainsKey("reporter_phone"));
        Assert.False(record.ContainsKey("api_token"));
        Assert.Equal("Acme Devices", record["business_name"]);
    }

    [Fact]
    public void Sanitize_NonPersonalValues_Kept()
    {
        var record = RecordSanitizer.Sanitize(PlantedJiraIssue(), Options).Record;

        Assert.Equal("MED-101", record["key"]);
        Assert.Equal(5L, record["story_points"]);
        Assert.Equal(T0, record["created_at"]);
        Assert.Equal("fda", ((IReadOnlyList<string>)record["labels"]!)[0]);
    }

    [Fact]
    public void Sanitize_DateShift_MovesEveryDateBySameOffset()
    {
        var options = new SanitizationOptions("client-1", TimeSpan.FromDays(-30));
        var input = Record(("created_at", T0), ("updated_at", T0.AddHours(5)));

        var result = RecordSanitizer.Sanitize(input, options);

        Assert.Equal(T0.AddDays(-30), result.Record["created_at"]);
        Assert.Equal(TimeSpan.FromHours(5), (DateTimeOffset)result.Record["updated_at"]! - (DateTimeOffset)result.Record["created_at"]!);
        Assert.Equal(2, result.Report.CountOf(SanitizationRule.DateShifted));
    }

    [Fact]
    public void Sanitize_InputRecord_NotModified()
    {
        var input = PlantedJiraIssue();

        RecordSanitizer.Sanitize(input, Options);

        Assert.Equal("Jane Smith", input["assignee_name"]);
        Assert.True(input.ContainsKey("api_token"));
    }

    [Fact]
    public void Sanitize_GithubRepoNames_NotTreatedAsPeople()
    {
        var result = RecordSanitizer.Sanitize(Record(("name", "infusion-pump-fw"), ("full_name", "acme/infusion-pump-fw"), ("owner_name", "Raj Patel")), Options);

        Assert.Equal("infusion-pump-fw", result.Record["name"]);
        Assert.Equal("acme/infusion-pump-fw", result.Record["full_name"]);
        Assert.NotEqual("Raj Patel", result.Record["owner_name"]);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("db_password", true)]
    [InlineData("apiKey", true)]
    [InlineData("api_key", true)]
    [InlineData("aws_secret_access_key", true)]
    [InlineData("github_token", true)]
    [InlineData("ssn", true)]
    [InlineData("social_security_number", true)]
    [InlineData("mobile", true)]
    [InlineData("phone_number", true)]
    [InlineData("business_name", false)]
    [InlineData("class_name", false)]
    [InlineData("body", false)]
    [InlineData("key", false)]
    public void IsSensitiveField_Names_WholeWordMatching(string field, bool expected)
        => Assert.Equal(expected, RecordSanitizer.IsSensitiveField(field));

    [Theory]
    [InlineData("author_name", true)]
    [InlineData("user_name", true)]
    [InlineData("owner_name", true)]
    [InlineData("assignee", true)]
    [InlineData("displayName", true)]
    [InlineData("user", true)]
    [InlineData("user_id", false)]
    [InlineData("user_email", false)]
    [InlineData("name", false)]
    [InlineData("full_name", false)]
    [InlineData("channel", false)]
    public void IsPersonNameField_Names_PeopleOnly(string field, bool expected)
        => Assert.Equal(expected, RecordSanitizer.IsPersonNameField(field));

    [Fact]
    public void CollectNames_AcrossRecords_ThenMentionsInOtherRecordsReplaced()
    {
        var records = new[]
        {
            Record(("user_name", "Priya Raman"), ("text", "deploy done")),
            Record(("user_name", "Tom Okafor"), ("text", "thanks Priya Raman!")),
            Record(("user_name", "priya raman"), ("text", "np")),
        };

        var names = RecordSanitizer.CollectNames(records);
        var second = RecordSanitizer.Sanitize(records[1], new SanitizationOptions("client-1", knownNames: names)).Record;

        Assert.Equal(["Priya Raman", "Tom Okafor"], names);
        Assert.Equal($"thanks {Pseudonyms.Name("Priya Raman", "client-1")}!", second["text"]);
    }

    [Fact]
    public void Report_AddAndCombine_SumsPerRule()
    {
        var a = SanitizationReport.Empty.Add(SanitizationRule.PhoneRemoved, 2);
        var b = SanitizationReport.Empty.Add(SanitizationRule.PhoneRemoved).Add(SanitizationRule.EmailReplaced);

        var sum = a.Add(b);

        Assert.Equal(3, sum.CountOf(SanitizationRule.PhoneRemoved));
        Assert.Equal(4, sum.Total);
        Assert.Equal(7, sum.Counts.Count);
        Assert.Equal("EmailReplaced=1, PhoneRemoved=3", sum.ToString());
        Assert.Equal(SanitizationReport.Empty.Add(SanitizationRule.PhoneRemoved, 3).Add(SanitizationRule.EmailReplaced), sum);
        Assert.Equal(0, SanitizationReport.Empty.Total);
    }
}
