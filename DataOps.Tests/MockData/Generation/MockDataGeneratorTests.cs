using System.Security.Cryptography;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;
using DataOps.MockData.Generation;
using DataOps.MockData.Records;
using DataOps.MockData.Templates;

namespace DataOps.Tests.MockData.Generation;

public sealed class MockDataGeneratorTests
{
    private static readonly DateTimeOffset BaseDate = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly MockDataGenerator _generator = new();

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void Generate_EveryTemplateAtDefaultCount_IsDeterministicAndValid(string path)
    {
        var template = RepositoryTemplates.ByPath(path);
        var request = new GenerationRequest("client-acme", null, BaseDate);

        var first = Digest(_generator.Generate(template, request), template, out var count, out var violations);
        var second = Digest(_generator.Generate(template, request), template, out _, out _);

        Assert.Equal(MockDataGenerator.RecordCountFor(template, null), count);
        Assert.Empty(violations);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(DatasetType.ConfluencePages, 500)]
    [InlineData(DatasetType.GithubRepos, 50)]
    [InlineData(DatasetType.SlackMessages, 2000)]
    [InlineData(DatasetType.JiraIssues, 300)]
    public void RecordCountFor_GenericTemplate_UsesDecisionsTableDefault(DatasetType type, int expected)
    {
        var template = RepositoryTemplates.ByPath($"generic/general/{type.ToWireName()}.json");

        Assert.Equal(expected, MockDataGenerator.RecordCountFor(template, null));
    }

    [Fact]
    public void RecordCountFor_TemplateOverride_WinsOverTypeDefault()
    {
        // No shipped template overrides its type's count (TemplateRecordCountTests), so the override is made here.
        var shipped = RepositoryTemplates.Get("healthcare.developer_productivity.github_repos");
        var template = shipped with { Metadata = shipped.Metadata with { DefaultRecordCount = 100 } };

        Assert.Equal(50, MockDataGenerator.RecordCountFor(shipped, null));
        Assert.Equal(100, MockDataGenerator.RecordCountFor(template, null));
        Assert.Equal(7, MockDataGenerator.RecordCountFor(template, 7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Generate_CountOutOfRange_Throws(int count)
    {
        var template = RepositoryTemplates.Get("generic.general.custom");

        Assert.Throws<ArgumentOutOfRangeException>(() => _generator.Generate(template, new GenerationRequest("c", count, BaseDate)));
    }

    [Fact]
    public void Generate_DifferentClients_GiveDifferentRecordsAndIds()
    {
        var template = RepositoryTemplates.Get("fintech.developer_productivity.confluence_pages");

        var a = _generator.Generate(template, new GenerationRequest("client-a", 20, BaseDate)).ToList();
        var b = _generator.Generate(template, new GenerationRequest("client-b", 20, BaseDate)).ToList();

        Assert.Empty(a.Select(r => r["id"]).Intersect(b.Select(r => r["id"])));
        Assert.NotEqual(a.Select(r => r["title"]), b.Select(r => r["title"]));
    }

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void Generate_EveryTemplate_IdsUniqueDatesBeforeBaseAndExampleEmails(string path)
    {
        var template = RepositoryTemplates.ByPath(path);
        var records = _generator.Generate(template, new GenerationRequest("client-acme", null, BaseDate)).ToList();

        Assert.Equal(records.Count, records.Select(r => (string)r["id"]!).Distinct(StringComparer.Ordinal).Count());
        Assert.All(records, r =>
        {
            var created = (DateTimeOffset)r["created_at"]!;
            var updated = (DateTimeOffset)r["updated_at"]!;
            Assert.InRange(created, BaseDate.AddDays(-template.Vocabulary.HistoryDays), updated);
            Assert.True(updated <= BaseDate);
            foreach (var field in template.Schema.Fields.Where(f => f.Type == FieldType.Email))
            {
                Assert.True(r[field.Name] is null || ((string)r[field.Name]!).EndsWith("@example.com", StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public void Generate_LargeCount_StreamsWithoutMaterialisingRecords()
    {
        var template = RepositoryTemplates.Get("generic.general.slack_messages");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var firstThree = _generator.Generate(template, new GenerationRequest("client", 100_000, BaseDate)).Take(3).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3, firstThree.Count);
        Assert.True(allocated < 4_000_000, $"allocated {allocated} bytes for three records of a 100,000-record dataset");
    }

    private static string Digest(IEnumerable<IReadOnlyDictionary<string, object?>> records, MockTemplate template, out int count, out List<string> violations)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        violations = [];
        var n = 0;
        foreach (var record in records)
        {
            hash.AppendData(RecordJsonWriter.Serialize(record));
            var index = n;
            violations.AddRange(SchemaValidator.ValidateRecord(record, template.Schema).Errors.Select(v => $"record {index}: {v}"));
            n++;
        }

        count = n;

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
