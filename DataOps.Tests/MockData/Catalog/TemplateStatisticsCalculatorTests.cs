using DataOps.Domain.Templates;
using DataOps.MockData.Catalog;

namespace DataOps.Tests.MockData.Catalog;

public sealed class TemplateStatisticsCalculatorTests
{
    private static readonly TemplateSchema Schema = new(
        [
            new FieldDefinition("kind", FieldType.String, true, AllowedValues: ["a", "b", "c"]),
            new FieldDefinition("channel", FieldType.String, true),
            new FieldDefinition("body", FieldType.Text, false),
            new FieldDefinition("tags", FieldType.StringList, false),
            new FieldDefinition("stars", FieldType.Integer, false),
        ],
        []);

    [Fact]
    public void Result_Records_ComputesFillRateAverageLengthsAndDistributions()
    {
        var calculator = new TemplateStatisticsCalculator(Schema);
        calculator.Add(Record("a", "#x", "12345", ["t1", "t2"], 3L));
        calculator.Add(Record("a", "#x", "123", ["t1"], null));
        calculator.Add(Record("b", "#y", null, null, 5L));
        calculator.Add(Record("a", "#x", "1", [], 1L));

        var stats = calculator.Result().ToDictionary(f => f.Name);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 }, stats["kind"].Distribution);
        Assert.Equal(new Dictionary<string, int> { ["#x"] = 3, ["#y"] = 1 }, stats["channel"].Distribution);
        Assert.Equal(0.75, stats["body"].FillRate);
        Assert.Equal(3.0, stats["body"].AverageLength);
        Assert.Equal(1.5, stats["tags"].AverageLength);
        Assert.Equal(0.5, stats["tags"].FillRate);
        Assert.Equal(0.75, stats["stars"].FillRate);
        Assert.Null(stats["stars"].AverageLength);
        Assert.Equal("string_list", stats["tags"].Type);
    }

    [Fact]
    public void Result_ManyDistinctValues_IsNotEnumLike()
    {
        var calculator = new TemplateStatisticsCalculator(Schema);
        for (var i = 0; i < 40; i++)
        {
            calculator.Add(Record("a", $"#c{i}", null, null, null));
        }

        Assert.Null(calculator.Result().Single(f => f.Name == "channel").Distribution);
    }

    private static Dictionary<string, object?> Record(string kind, string channel, string? body, string[]? tags, long? stars) => new()
    {
        ["kind"] = kind,
        ["channel"] = channel,
        ["body"] = body,
        ["tags"] = tags,
        ["stars"] = stars,
    };
}
