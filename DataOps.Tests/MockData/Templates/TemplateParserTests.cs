using System.Text;
using System.Text.Json.Nodes;
using DataOps.Domain.Templates;
using DataOps.MockData.Templates;

namespace DataOps.Tests.MockData.Templates;

public sealed class TemplateParserTests
{
    [Fact]
    public void Parse_ValidTemplate_ReadsMetadataSchemaSamplesAndVocabulary()
    {
        var result = TemplateParser.Parse(TemplateJsonBuilder.Bytes(TemplateJsonBuilder.Valid()), TemplateJsonBuilder.Path);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var template = result.Template!;
        Assert.Equal("enterprise.test_case.custom", template.Id);
        Assert.Equal(40, template.Metadata.DefaultRecordCount);
        Assert.Equal(FieldType.DateTime, template.Schema.Find("created_at")!.Type);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 10, 0, 0, TimeSpan.Zero), template.SampleRecords[0]["created_at"]);
        Assert.Equal(4L, template.SampleRecords[0]["score"]);
        Assert.Equal(0.75, template.Vocabulary.Mix!.ShareOf("faq"), 6);
        Assert.Equal("avery.example@example.com", template.Vocabulary.People[0].Email);
    }

    [Theory]
    [InlineData("{ \"metadata\": ", "malformed JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{}", "metadata: required object is missing")]
    public void Parse_BrokenDocument_ReportsReason(string json, string expected)
    {
        var result = TemplateParser.Parse(Encoding.UTF8.GetBytes(json), "x.json");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Breakages() => new()
    {
        { "unknown-dataset-type", "metadata.dataset_type: unknown dataset type 'wiki_pages'" },
        { "unknown-industry", "metadata.industry: unknown industry 'aerospace'" },
        { "unknown-field-type", "schema.fields[2].type: unknown field type 'strnig'" },
        { "sample-violates-enum", "data.records[1]: field 'category' has a value outside its allowed values (faq, policy)" },
        { "sample-missing-required", "data.records[0]: required field 'title' is missing or empty" },
        { "sample-too-long", "data.records[0]: field 'title' is longer than 80 (length 81)" },
        { "missing-canonical", "schema: canonical field 'body' of custom is missing" },
        { "mix-not-in-enum", "generation.mix.weights: 'memo' is not an allowed value of 'category'" },
        { "bad-weight", "generation.mix.weights.faq: must be a positive number" },
        { "bad-count", "metadata.default_record_count: must be between 1 and 100000" },
        { "path-mismatch", "metadata: industry/use_case/dataset_type say 'enterprise/test_case/custom.json' but the file is at 'other/test_case/custom.json'" },
        { "bad-pattern", "schema.fields[0].pattern: 'id' is not a valid regular expression" },
        { "no-people", "generation.people: needs at least one entry to generate records" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Parse_InvalidTemplate_ReportsEachProblemWithLocation(string breakage, string expected)
    {
        var json = TemplateJsonBuilder.Valid();
        var path = TemplateJsonBuilder.Path;
        var fields = json["schema"]!["fields"]!.AsArray();
        var records = json["data"]!["records"]!.AsArray();
        switch (breakage)
        {
            case "unknown-dataset-type": json["metadata"]!["dataset_type"] = "wiki_pages"; break;
            case "unknown-industry": json["metadata"]!["industry"] = "aerospace"; break;
            case "unknown-field-type": fields[2]!["type"] = "strnig"; break;
            case "sample-violates-enum": records[1]!["category"] = "memo"; break;
            case "sample-missing-required": records[0]!.AsObject().Remove("title"); break;
            case "sample-too-long": records[0]!["title"] = new string('x', 81); break;
            case "missing-canonical": fields.RemoveAt(3); break;
            case "mix-not-in-enum": json["generation"]!["mix"]!["weights"]!["memo"] = 1; break;
            case "bad-weight": json["generation"]!["mix"]!["weights"]!["faq"] = -1; break;
            case "bad-count": json["metadata"]!["default_record_count"] = 0; break;
            case "path-mismatch": path = "other/test_case/custom.json"; break;
            case "bad-pattern": fields[0]!["pattern"] = "[a-"; break;
            case "no-people": json["generation"]!["people"] = new JsonArray(); break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage));
        }

        var result = TemplateParser.Parse(TemplateJsonBuilder.Bytes(json), path);

        Assert.False(result.IsValid);
        Assert.Null(result.Template);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TemplateWithoutSchema_InfersSchemaFromSamples()
    {
        var json = TemplateJsonBuilder.Valid();
        json.Remove("schema");
        json["generation"]!.AsObject().Remove("mix");

        var result = TemplateParser.Parse(TemplateJsonBuilder.Bytes(json), TemplateJsonBuilder.Path);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var schema = result.Template!.Schema;
        Assert.True(result.Template.SchemaInferred);
        Assert.Equal(FieldType.Url, schema.Find("url")!.Type);
        Assert.Equal(FieldType.DateTime, schema.Find("updated_at")!.Type);
        Assert.Equal(FieldType.Integer, schema.Find("score")!.Type);
        Assert.False(schema.Find("score")!.Required);
        Assert.True(schema.Find("title")!.Required);
    }
}
