

using DataOps.MockData.Generation;
using DataOps.MockData.Templates;
namespace DataOps.Tests.MockData.Generation;

public sealed class ContentMixTests
{
    private static readonly DateTimeOffset BaseDate = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void Generate_EveryTemplate_HonoursContentMixWithinOneRecordPerValue(string path)
    {
        var template = RepositoryTemplates.ByPath(path);
        var mix = template.Vocabulary.Mix!;
        var records = new MockDataGenerator().Generate(template, new GenerationRequest("client-acme", null, BaseDate)).ToList();

        foreach (var entry in mix.Entries)
        {
            var actual = records.Count(r => (string?)r[mix.Field] == entry.Value);
            var expected = mix.ShareOf(entry.Value) * records.Count;
            Assert.InRange(actual, Math.Floor(expected), Math.Ceiling(expected));
        }
    }

    [Fact]
    public void Generate_ConfluenceSeedMix_MatchesFortyThirtyTwentyTen()
    {
        var template = RepositoryTemplates.Get("healthcare.developer_productivity.confluence_pages");
        var records = new MockDataGenerator().Generate(template, new GenerationRequest("ACME", null, BaseDate)).ToList();

        Assert.Equal(200, records.Count(r => (string?)r["content_type"] == "engineering_doc"));
        Assert.Equal(150, records.Count(r => (string?)r["content_type"] == "product_spec"));
        Assert.Equal(100, records.Count(r => (string?)r["content_type"] == "onboarding"));
        Assert.Equal(50, records.Count(r => (string?)r["content_type"] == "meeting_notes"));
    }

    [Theory]
    [InlineData(1, new[] { 1, 0, 0, 0 })]
    [InlineData(3, new[] { 1, 1, 1, 0 })]
    [InlineData(7, new[] { 3, 2, 1, 1 })]
    [InlineData(50, new[] { 20, 15, 10, 5 })]
    [InlineData(0, new[] { 0, 0, 0, 0 })]
    public void Apportion_FortyThirtyTwentyTen_SplitsExactly(int count, int[] expected)
    {
        var mix = new ContentMix("t", [new("a", 0.4), new("b", 0.3), new("c", 0.2), new("d", 0.1)]);

        Assert.Equal(expected, MixPlan.Apportion(mix, count));
    }
}
