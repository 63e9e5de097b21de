using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Quality;

public sealed class SchemaValidatorTests
{
    private static readonly TemplateSchema Schema = new(
        [
            new FieldDefinition("id", FieldType.String, true, MaxLength: 64),
            new FieldDefinition("title", FieldType.String, true, MaxLength: 20, MinLength: 3),
            new FieldDefinition("url", FieldType.Url, true),
            new FieldDefinition("author_email", FieldType.Email, true),
            new FieldDefinition("created_at", FieldType.DateTime, true),
            new FieldDefinition("content_type", FieldType.String, true, AllowedValues: ["engineering_doc", "product_spec"]),
            new FieldDefinition("space_key", FieldType.String, false, Pattern: "[A-Z]{2,5}"),
            new FieldDefinition("labels", FieldType.StringList, false, MaxLength: 3, AllowedValues: ["fda", "qa", "design"]),
            new FieldDefinition("stars", FieldType.Integer, false, Minimum: 0, Maximum: 1000),
            new FieldDefinition("rating", FieldType.Number, false, Minimum: 0, Maximum: 5),
            new FieldDefinition("archived", FieldType.Boolean, false),
            new FieldDefinition("body", FieldType.Text, false),
        ],
        []);

    private static Dictionary<string, object?> Valid(string id = "p-1") => Record(
        ("id", id),
        ("title", "FDA audit plan"),
        ("url", "https://wiki.example.com/p/1"),
        ("author_email", "jane.doe@example.com"),
        ("created_at", T0),
        ("content_type", "engineering_doc"),
        ("space_key", "MED"),
        ("labels", new[] { "fda", "qa" }),
        ("stars", 12L),
        ("rating", 4.5),
        ("archived", false),
        ("body", "text"));

    [Fact]
    public void ValidateRecord_ConformingRecord_IsValid()
    {
        var result = SchemaValidator.ValidateRecord(Valid(), Schema);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ValidateRecord_OptionalFieldsAbsentOrNull_IsValid()
    {
        var record = Valid();
        record.Remove("labels");
        record["stars"] = null;

        Assert.True(SchemaValidator.ValidateRecord(record, Schema).IsValid);
    }

    public static TheoryData<string, object?, string> Violations() => new()
    {
        { "title", null, "required field 'title' is missing or empty" },
        { "title", "   ", "required field 'title' is missing or empty" },
        { "title", 42L, "field 'title' must be a string but is Int64" },
        { "title", "ab", "shorter than 3" },
        { "title", new string('x', 21), "longer than 20" },
        { "url", "ftp://files.example.com/x", "is not an absolute http(s) URL" },
        { "url", "/relative/path", "is not an absolute http(s) URL" },
        { "author_email", "not-an-email", "is not a valid e-mail address" },
        { "author_email", "a@b", "is not a valid e-mail address" },
        { "created_at", "2026-03-01T09:00:00Z", "must be a DateTimeOffset but is String" },
        { "created_at", new DateTime(2026, 3, 1), "must be a DateTimeOffset" },
        { "content_type", "meeting_notes", "outside its allowed values" },
        { "space_key", "med", "does not match its pattern" },
        { "space_key", "MEDXXX", "does not match its pattern" },
        { "labels", new[] { "fda", "qa", "design", "fda" }, "longer than 3" },
        { "labels", new[] { "unknown" }, "outside its allowed values" },
        { "labels", "fda", "must be a list of strings" },
        { "stars", -1L, "below its minimum 0" },
        { "stars", 1001L, "above its maximum 1000" },
        { "stars", 1.5, "must be an integer (Int64) but is Double" },
        { "rating", 5.5, "above its maximum 5" },
        { "rating", double.NaN, "must be a finite number" },
        { "rating", "4", "must be a finite number" },
        { "archived", "false", "must be a boolean" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void ValidateRecord_ViolatingValue_ReportsFieldAndReason(string field, object? value, string expected)
    {
        var record = Valid();
        record[field] = value;

        var result = SchemaValidator.ValidateRecord(record, Schema);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(7L)]
    public void ValidateRecord_IntegerAsInt32OrInt64_Accepted(object value)
    {
        var record = Valid();
        record["stars"] = value;

        Assert.True(SchemaValidator.ValidateRecord(record, Schema).IsValid);
    }

    [Fact]
    public void ValidateRecord_NumberAsLong_Accepted()
    {
        var record = Valid();
        record["rating"] = 3L;

        Assert.True(SchemaValidator.ValidateRecord(record, Schema).IsValid);
    }

    [Fact]
    public void For_ReusableValidator_SameResultsAsValidateRecord()
    {
        var validate = SchemaValidator.For(Schema);
        var bad = Valid();
        bad["space_key"] = "lower";

        Assert.True(validate(Valid()).IsValid);
        Assert.Equal(SchemaValidator.ValidateRecord(bad, Schema).Errors, validate(bad).Errors);
    }

    [Fact]
    public void ValidateRecord_MissingRequiredField_Invalid()
    {
        var record = Valid();
        record.Remove("url");

        Assert.Contains("required field 'url' is missing or empty", SchemaValidator.ValidateRecord(record, Schema).Errors);
    }

    [Fact]
    public void ValidateRecord_UnexpectedField_WarningOnly()
    {
        var record = Valid();
        record["mood"] = "happy";

        var result = SchemaValidator.ValidateRecord(record, Schema);

        Assert.True(result.IsValid);
        Assert.Equal(["field 'mood' is not defined by the schema"], result.Warnings);
    }

    [Fact]
    public void Evaluate_AllValid_Scores100AndPasses()
    {
        var result = SchemaValidator.Evaluate([Valid("a"), Valid("b"), Valid("c")], Schema);

        Assert.Equal(QualityCheckType.Schema, result.Type);
        Assert.Equal(100, result.Score);
        Assert.Equal(100, result.Threshold);
        Assert.True(result.Passed);
        Assert.Empty(result.Errors);
        Assert.Equal("3", result.Details["validRecords"]);
    }

    [Fact]
    public void Evaluate_OneOfFourInvalid_Scores75AndFailsAt100()
    {
        var bad = Valid("d");
        bad["title"] = null;

        var result = SchemaValidator.Evaluate([Valid("a"), Valid("b"), Valid("c"), bad], Schema);

        Assert.Equal(75, result.Score);
        Assert.False(result.Passed);
        Assert.Equal("record 3 (id d): required field 'title' is missing or empty", Assert.Single(result.Errors));
        Assert.Equal("1", result.Details["invalidRecords"]);
    }

    [Fact]
    public void Evaluate_CustomThreshold_PassesAtThreshold()
    {
        var bad = Valid("d");
        bad["title"] = null;

        Assert.True(SchemaValidator.Evaluate([Valid("a"), Valid("b"), Valid("c"), bad], Schema, threshold: 75).Passed);
    }

    [Fact]
    public void Evaluate_DuplicateIds_LaterRecordInvalid()
    {
        var result = SchemaValidator.Evaluate([Valid("same"), Valid("same")], Schema);

        Assert.Equal(50, result.Score);
        Assert.Contains("repeats an earlier record's id", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnexpectedFields_WarnedOnceEachAndStillPasses()
    {
        var a = Valid("a");
        a["mood"] = "x";
        var b = Valid("b");
        b["mood"] = "y";
        b["colour"] = "z";

        var result = SchemaValidator.Evaluate([a, b], Schema);

        Assert.True(result.Passed);
        Assert.Equal(["field 'colour' is not defined by the schema", "field 'mood' is not defined by the schema"], result.Warnings);
    }

    [Fact]
    public void Evaluate_EmptyDataset_Scores100WithWarning()
    {
        var result = SchemaValidator.Evaluate([], Schema);

        Assert.Equal(100, result.Score);
        Assert.True(result.Passed);
        Assert.Contains("no records to validate", result.Warnings);
    }

    [Fact]
    public void Evaluate_ManyInvalidRecords_ErrorsCapped()
    {
        var records = Enumerable.Range(0, 200).Select(i =>
        {
            var r = Valid($"r{i}");
            r["url"] = "nope";
            return (IReadOnlyDictionary<string, object?>)r;
        });

        var result = SchemaValidator.Evaluate(records, Schema);

        Assert.Equal(0, result.Score);
        Assert.Equal(51, result.Errors.Count);
        Assert.Equal("... and 150 more", result.Errors[^1]);
    }

    [Fact]
    public void Evaluate_InvalidPatternInSchema_ThrowsNamingField()
    {
        var schema = new TemplateSchema([new FieldDefinition("key", FieldType.String, true, Pattern: "[unclosed")], []);

        var ex = Assert.Throws<DomainValidationException>(() => SchemaValidator.Evaluate([Record(("key", "x"))], schema));

        Assert.Equal("schema.key.pattern", ex.Field);
    }

    [Fact]
    public void Evaluate_StreamEnumeratedOnce()
    {
        var enumerations = 0;
        IEnumerable<IReadOnlyDictionary<string, object?>> Stream()
        {
            enumerations++;
            yield return Valid("a");
        }

        SchemaValidator.Evaluate(Stream(), Schema);

        Assert.Equal(1, enumerations);
    }

    [Fact]
    public async Task EvaluateAsync_SameRecords_GivesTheResultOfEvaluate()
    {
        var bad = Valid("p-2");
        bad["stars"] = "many";
        bad["extra"] = "x";
        Dictionary<string, object?>[] records = [Valid("p-1"), bad, Valid("p-1")];
        var expected = SchemaValidator.Evaluate(records, Schema);

        var actual = await SchemaValidator.EvaluateAsync(records.ToAsyncEnumerable(), Schema, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Passed, actual.Passed);
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.Details, actual.Details);
    }
}
