using System.Text;
using System.Text.RegularExpressions;
using DataOps.Domain.Datasets;
using DataOps.Domain.Sanitization;
using DataOps.MockData;
using DataOps.MockData.Records;
using DataOps.MockData.Sanitization;

namespace DataOps.Tests.MockData.Sanitization;

public sealed partial class PilotDataSanitizerTests
{
    private static readonly MockDataOptions Settings = new() { SanitizationSalt = "test-secret" };
    private static readonly SanitizationOptions Options = new("test-secret:acme-health");
    private readonly PilotDataSanitizer _sanitizer = new(new FixtureExportSource(), Microsoft.Extensions.Options.Options.Create(Settings));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatasetType.SlackMessages, 6, 2)]
    [InlineData(DatasetType.JiraIssues, 3, 0)]
    [InlineData(DatasetType.ConfluencePages, 2, 0)]
    public async Task SanitizeExportAsync_PlantedFixture_NoPlantedValueSurvives(DatasetType datasetType, int records, int refused)
    {
        var report = new PilotSanitizationReport();

        var output = await SerializeAsync(_sanitizer.SanitizeExportAsync(PilotFixture.ClientId, datasetType, report, Ct));

        Assert.Equal((records, refused), (report.RecordsSanitized, report.LinesRefused));
        foreach (var (kind, values) in PilotFixture.Planted)
        {
            Assert.All(values, v => Assert.False(output.Contains(v, StringComparison.OrdinalIgnoreCase), $"planted {kind} '{v}' survived"));
        }

        AssertNoPiiPatterns(output);
    }

    [Fact]
    public async Task SanitizeExportAsync_PlantedFixture_ReportsCountsPerRule()
    {
        var report = new PilotSanitizationReport();
        foreach (var type in new[] { DatasetType.SlackMessages, DatasetType.JiraIssues, DatasetType.ConfluencePages })
        {
            await SerializeAsync(_sanitizer.SanitizeExportAsync(PilotFixture.ClientId, type, report, Ct));
        }

        var counts = report.CountsByRule;
        Assert.Equal(11, report.RecordsSanitized);
        Assert.True(counts["name_anonymized"] >= 20, report.Changes.ToString());
        Assert.True(counts["email_replaced"] >= 12, report.Changes.ToString());
        Assert.True(counts["phone_removed"] >= 7, report.Changes.ToString());
        Assert.Equal(3, counts["ssn_removed"]);
        Assert.True(counts["credential_removed"] >= 12, report.Changes.ToString());
        Assert.Equal(2, counts["sensitive_field_removed"]);
        Assert.Equal(0, counts["date_shifted"]);
        Assert.Equal(["line 5 is not valid JSON", "line 8 is not a JSON object"], report.Problems);
    }

    [Fact]
    public async Task SanitizeExportAsync_Records_KeepStructureDatesAndDropSensitiveFields()
    {
        var first = (await ToListAsync(_sanitizer.SanitizeExportAsync(PilotFixture.ClientId, DatasetType.JiraIssues, new PilotSanitizationReport(), Ct)))[0];

        Assert.False(first.ContainsKey("reporter_phone"));
        Assert.Equal("DEV-1", first["key"]);
        Assert.Equal(new DateTimeOffset(2025, 2, 10, 10, 0, 0, TimeSpan.Zero), first["created_at"]);
        Assert.EndsWith("@example.com", (string)first["assignee_email"]!, StringComparison.Ordinal);
        Assert.Equal(Pseudonyms.Name("Tomasz Kowalski", Options.Salt), first["assignee"]);
        Assert.Equal(["security", Pseudonyms.Name("Priya Natarajan", Options.Salt)], (IReadOnlyList<string>)first["labels"]!);
    }

    [Fact]
    public async Task SanitizeExportAsync_MissingExport_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<PilotExportNotFoundException>(async () =>
        {
            await foreach (var _ in _sanitizer.SanitizeExportAsync("no-such-client", DatasetType.SlackMessages, new PilotSanitizationReport(), Ct))
            {
            }
        });
    }

    [Fact]
    public void OptionsFor_Client_CombinesConfiguredSecretAndClientId()
    {
        Assert.Equal("test-secret:acme-health", _sanitizer.OptionsFor("acme-health").Salt);
        Assert.Equal(TimeSpan.Zero, _sanitizer.OptionsFor("acme-health").DateShift);
    }

    [Fact]
    public async Task SanitizeAsync_SameSalt_SamePseudonymsAcrossRecordsAndRuns()
    {
        var a = await SanitizeFileAsync("slack_messages", Options);
        var b = await SanitizeFileAsync("slack_messages", Options);
        var other = await SanitizeFileAsync("slack_messages", new SanitizationOptions("test-secret:another-client"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Contains(Pseudonyms.Name("Priya Natarajan", Options.Salt), a, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SanitizeAsync_DateShift_MovesEveryDateByTheSameAmount()
    {
        await using var input = File.OpenRead(PilotFixture.ExportPath("confluence_pages"));
        var report = new PilotSanitizationReport();

        var page = (await ToListAsync(PilotDataSanitizer.SanitizeAsync(input, new SanitizationOptions("s", TimeSpan.FromDays(-30)), report, null, Ct)))[0];

        Assert.Equal(new DateTimeOffset(2024, 12, 6, 10, 0, 0, TimeSpan.Zero), page["created_at"]);
        Assert.Equal(new DateTimeOffset(2025, 1, 30, 10, 0, 0, TimeSpan.Zero), page["updated_at"]);
        Assert.Equal(4, report.CountsByRule["date_shifted"]);
    }

    [Fact]
    public async Task SanitizeAsync_NonSeekableStream_GivesTheSameOutput()
    {
        var seekable = await SanitizeFileAsync("slack_messages", Options);
        await using var file = File.OpenRead(PilotFixture.ExportPath("slack_messages"));
        await using var forwardOnly = new ForwardOnlyStream(file);

        var streamed = await SerializeAsync(PilotDataSanitizer.SanitizeAsync(forwardOnly, Options, new PilotSanitizationReport(), null, Ct));

        Assert.Equal(seekable, streamed);
    }

    internal static void AssertNoPiiPatterns(string output)
    {
        Assert.All(EmailLike().Matches(output), m => Assert.EndsWith("@example.com", m.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch(PhoneLike(), output);
        Assert.DoesNotMatch(SsnLike(), output);
        Assert.DoesNotMatch(KeyLike(), output);
    }

    private static async Task<string> SanitizeFileAsync(string type, SanitizationOptions options)
    {
        await using var input = File.OpenRead(PilotFixture.ExportPath(type));
        return await SerializeAsync(PilotDataSanitizer.SanitizeAsync(input, options, new PilotSanitizationReport(), null, Ct));
    }

    internal static async Task<string> SerializeAsync(IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records)
    {
        var builder = new StringBuilder();
        await foreach (var record in records)
        {
            builder.Append(Encoding.UTF8.GetString(RecordJsonWriter.Serialize(record))).Append('\n');
        }

        // Escapes such as \u0026 would hide planted values from a plain search.
        return Regex.Unescape(builder.ToString());
    }

    private static async Task<List<IReadOnlyDictionary<string, object?>>> ToListAsync(IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records)
    {
        var list = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"(\(\d{3}\)|\b\d{3})[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s(]")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b|\b\d{9}\b")]
    private static partial Regex SsnLike();

    [GeneratedRegex(@"AKIA[0-9A-Z]{16}|gh[pousr]_|xox[abprs]-|[sr]k_(live|test)_|\bsk-[A-Za-z0-9]|eyJ[A-Za-z0-9_-]+\.|BEGIN [A-Z ]*PRIVATE KEY|Bearer (?!\[REDACTED)")]
    private static partial Regex KeyLike();

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
