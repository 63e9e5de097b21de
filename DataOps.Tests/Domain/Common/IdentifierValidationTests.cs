using DataOps.Domain.Common;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Tests.Domain.Common;

public sealed class IdentifierValidationTests
{
    public static TheoryData<string?, string> InvalidIds => new()
    {
        { null, "must not be empty" },
        { "", "must not be empty" },
        { "   ", "must not be empty" },
        { new string('a', 65), "at most 64" },
        { "a/b", "'/'" },
        { "a\\b", "'\\'" },
        { "a#b", "'#'" },
        { "a?b", "'?'" },
        { "a%2Fb", "'%'" },
        { "a\u0001b", "control characters" },
        { "a\nb", "control characters" },
        { "a\tb", "control characters" },
        { "a b", "whitespace" },
        { " ab", "start or end with whitespace" },
        { "ab ", "start or end with whitespace" },
        { "a\u00A0b", "whitespace" },
    };

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void DatasetIdTryCreate_InvalidValue_ReturnsReason(string? value, string expectedReason)
    {
        var ok = DatasetId.TryCreate(value, out var id, out var error);

        Assert.False(ok);
        Assert.Equal(default, id);
        Assert.Contains(expectedReason, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void ClientIdCreate_InvalidValue_ThrowsNamingField(string? value, string expectedReason)
    {
        var ex = Assert.Throws<DomainValidationException>(() => ClientId.Create(value));

        Assert.Equal("clientId", ex.Field);
        Assert.Contains(expectedReason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Invalid clientId: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void JourneyIdAndTemplateIdCreate_InvalidValue_Throw(string? value, string expectedReason)
    {
        Assert.Contains(expectedReason, Assert.Throws<DomainValidationException>(() => JourneyId.Create(value)).Reason, StringComparison.Ordinal);
        Assert.Equal("templateId", Assert.Throws<DomainValidationException>(() => TemplateId.Create(value)).Field);
    }

    [Theory]
    [InlineData("3f2b8c1e-9d4a-4f5e-8b7c-1a2b3c4d5e6f")]
    [InlineData("ds_001")]
    [InlineData("client.acme:eu-1")]
    [InlineData("x")]
    public void IdCreate_ValidValue_KeepsValue(string value)
    {
        Assert.Equal(value, DatasetId.Create(value).Value);
        Assert.Equal(value, ClientId.Create(value).ToString());
        Assert.Equal(value, JourneyId.Create(value).Value);
        Assert.Equal(value, TemplateId.Create(value).Value);
    }

    [Fact]
    public void IdCreate_ExactlyMaxLength_Accepted()
    {
        var value = new string('a', DatasetId.MaxLength);

        Assert.Equal(value, DatasetId.Create(value).Value);
    }

    [Fact]
    public void IdEquality_SameValue_Equal()
    {
        Assert.Equal(DatasetId.Create("abc"), DatasetId.Create("abc"));
        Assert.NotEqual(DatasetId.Create("abc"), DatasetId.Create("ABC"));
    }

    [Fact]
    public void DefaultId_Value_IsEmptyNotNull() => Assert.Equal(string.Empty, default(DatasetId).Value);

    [Fact]
    public void ValidationError_NeverEchoesValue()
    {
        const string secretLooking = "sk-live-abcdef#123";

        var ex = Assert.Throws<DomainValidationException>(() => DatasetId.Create(secretLooking));

        Assert.DoesNotContain(secretLooking, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACME")]
    [InlineData("Acme Corp")]
    [InlineData("acme-eu_2.0")]
    [InlineData("Zürich Bank")]
    public void ClientNameCreate_ValidName_Accepted(string value) => Assert.Equal(value, ClientName.Create(value).Value);

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("-ACME", "start and end with a letter or digit")]
    [InlineData("ACME.", "start and end with a letter or digit")]
    [InlineData("AC<script>ME", "may contain only")]
    [InlineData("AC'ME", "may contain only")]
    [InlineData("AC  ME", "consecutive spaces")]
    [InlineData("AC/ME", "'/'")]
    [InlineData("AC\u0000ME", "control characters")]
    public void ClientNameTryCreate_InvalidName_ReturnsReason(string value, string expected)
    {
        Assert.False(ClientName.TryCreate(value, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientNameCreate_OverLong_ThrowsNamingField()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ClientName.Create(new string('A', ClientName.MaxLength + 1)));

        Assert.Equal("clientName", ex.Field);
        Assert.Contains("at most 64", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DatasetNameFor_Parts_FollowsConvention()
        => Assert.Equal("ACME-sandbox-confluence_pages", DatasetName.For(ClientName.Create("ACME"), Stage.Sandbox, DatasetType.ConfluencePages).Value);

    [Theory]
    [InlineData("", false)]
    [InlineData("Quarterly pages", true)]
    [InlineData("a#b", false)]
    public void DatasetNameTryCreate_Values_ValidatedAsNames(string value, bool expected)
        => Assert.Equal(expected, DatasetName.TryCreate(value, out _, out _));

    [Theory]
    [InlineData("developer_productivity", "developer_productivity")]
    [InlineData("Clinical_Workflows", "clinical_workflows")]
    [InlineData("kb2", "kb2")]
    public void UseCaseCreate_ValidValue_NormalisedToLowerCase(string value, string expected)
        => Assert.Equal(expected, UseCase.Create(value).Value);

    [Theory]
    [InlineData("2fast")]
    [InlineData("developer-productivity")]
    [InlineData("developer productivity")]
    [InlineData("trailing_")]
    [InlineData("double__underscore")]
    [InlineData("")]
    public void UseCaseCreate_InvalidValue_Throws(string value)
        => Assert.Equal("useCase", Assert.Throws<DomainValidationException>(() => UseCase.Create(value)).Field);

    [Fact]
    public void ForbiddenCharacters_ListsTableKeyAndPathCharacters()
        => Assert.Equal(['/', '\\', '#', '?', '%'], IdentifierRules.ForbiddenCharacters);

    [Fact]
    public void Check_UnpairedSurrogate_Rejected()
        => Assert.Contains("non-character", IdentifierRules.Check("ab\uD800c", 64, allowInnerSpaces: false), StringComparison.Ordinal);

    [Fact]
    public void ConnectorNameMaxLength_FitsLongestClientName()
    {
        var longest = ConnectorNaming.For(ClientName.Create(new string('A', ClientName.MaxLength)), Stage.Production, ConnectorType.Confluence);

        Assert.True(longest.Value.Length <= ConnectorName.MaxLength);
        Assert.True(ConnectorName.TryCreate(longest.Value, out _, out _));
    }
}
