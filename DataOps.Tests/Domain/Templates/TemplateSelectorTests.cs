using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Templates;

public sealed class TemplateSelectorTests
{
    private static readonly UseCase DevProd = UseCase.Create("developer_productivity");

    private static readonly TemplateDescriptor Exact = Template(Industry.Healthcare, "developer_productivity", DatasetType.ConfluencePages);
    private static readonly TemplateDescriptor SameIndustry = Template(Industry.Healthcare, "clinical_workflows", DatasetType.ConfluencePages);
    private static readonly TemplateDescriptor Generic = Template(Industry.Generic, "general", DatasetType.ConfluencePages);
    private static readonly TemplateDescriptor OtherIndustrySameUseCase = Template(Industry.Fintech, "developer_productivity", DatasetType.ConfluencePages);
    private static readonly TemplateDescriptor OtherIndustry = Template(Industry.Retail, "customer_support", DatasetType.ConfluencePages);
    private static readonly TemplateDescriptor OtherType = Template(Industry.Healthcare, "developer_productivity", DatasetType.JiraIssues);

    [Fact]
    public void Select_ExactMatchAvailable_PicksExactWithFullConfidence()
    {
        var result = TemplateSelector.Select([Generic, SameIndustry, Exact, OtherType], Industry.Healthcare, DevProd, DatasetType.ConfluencePages);

        Assert.NotNull(result);
        Assert.Same(Exact, result.Template);
        Assert.Equal(TemplateMatchKind.Exact, result.MatchKind);
        Assert.Equal(1.0, result.Confidence);
        Assert.Contains("exact match for healthcare/developer_productivity/confluence_pages", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoExactMatch_FallsBackToIndustryAndType()
    {
        var result = TemplateSelector.Select([Generic, SameIndustry, OtherIndustrySameUseCase], Industry.Healthcare, DevProd, DatasetType.ConfluencePages);

        Assert.NotNull(result);
        Assert.Same(SameIndustry, result.Template);
        Assert.Equal(TemplateMatchKind.IndustryAndType, result.MatchKind);
        Assert.Equal(0.75, result.Confidence);
        Assert.Contains("no healthcare template for use case 'developer_productivity'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoIndustryTemplate_FallsBackToGeneric()
    {
        var result = TemplateSelector.Select([Generic, OtherIndustrySameUseCase, OtherIndustry, OtherType], Industry.Healthcare, DevProd, DatasetType.ConfluencePages);

        Assert.NotNull(result);
        Assert.Same(Generic, result.Template);
        Assert.Equal(TemplateMatchKind.GenericType, result.MatchKind);
        Assert.Equal(0.5, result.Confidence);
        Assert.Contains("generic template", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_OnlyOtherIndustries_ReturnsNull()
        => Assert.Null(TemplateSelector.Select([OtherIndustrySameUseCase, OtherIndustry], Industry.Healthcare, DevProd, DatasetType.ConfluencePages));

    [Fact]
    public void Select_NoTemplateOfType_ReturnsNull()
        => Assert.Null(TemplateSelector.Select([OtherType], Industry.Healthcare, DevProd, DatasetType.SlackMessages));

    [Fact]
    public void Select_NoCandidates_ReturnsNull()
        => Assert.Null(TemplateSelector.Select([], Industry.Healthcare, DevProd, DatasetType.ConfluencePages));

    [Fact]
    public void Select_TwoVersionsOfExact_PicksHighestVersion()
    {
        var v1 = Template(Industry.Healthcare, "developer_productivity", DatasetType.ConfluencePages, "1.9.0");
        var v2 = Template(Industry.Healthcare, "developer_productivity", DatasetType.ConfluencePages, "1.10.0");

        Assert.Same(v2, TemplateSelector.Select([v1, v2], Industry.Healthcare, DevProd, DatasetType.ConfluencePages)?.Template);
        Assert.Same(v2, TemplateSelector.Select([v2, v1], Industry.Healthcare, DevProd, DatasetType.ConfluencePages)?.Template);
    }

    [Fact]
    public void Select_SameVersion_TieBrokenByIdOrdinal()
    {
        var b = Template(Industry.Healthcare, "developer_productivity", DatasetType.ConfluencePages, id: "b");
        var a = Template(Industry.Healthcare, "developer_productivity", DatasetType.ConfluencePages, id: "a");

        Assert.Same(a, TemplateSelector.Select([b, a], Industry.Healthcare, DevProd, DatasetType.ConfluencePages)?.Template);
    }

    [Fact]
    public void Rank_AllKinds_OrderedExactIndustryGenericOthers()
    {
        var ranked = TemplateSelector.Rank([OtherIndustry, Generic, OtherType, OtherIndustrySameUseCase, SameIndustry, Exact], Industry.Healthcare, DevProd, DatasetType.ConfluencePages);

        Assert.Equal([Exact, SameIndustry, Generic, OtherIndustrySameUseCase, OtherIndustry], ranked.Select(r => r.Template));
        Assert.Equal([1.0, 0.75, 0.5, 0.3, 0.1], ranked.Select(r => r.Confidence));
        Assert.Equal([true, true, true, false, false], ranked.Select(r => r.IsSelectable));
        Assert.All(ranked, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void Rank_GenericIndustryRequested_GenericTemplateIsExact()
    {
        var ranked = TemplateSelector.Rank([Template(Industry.Generic, "developer_productivity", DatasetType.ConfluencePages)], Industry.Generic, DevProd, DatasetType.ConfluencePages);

        Assert.Equal(TemplateMatchKind.Exact, Assert.Single(ranked).MatchKind);
    }

    [Theory]
    [InlineData("2.0.0", "1.9.9", 1)]
    [InlineData("v2", "1.5", 1)]
    [InlineData("1.0", "1.0.0", -1)]
    [InlineData("beta", "1.0", -1)]
    [InlineData("alpha", "beta", -1)]
    [InlineData("1.2.3", "1.2.3", 0)]
    public void VersionComparer_Pairs_OrderedNumericallyThenOrdinally(string x, string y, int expectedSign)
        => Assert.Equal(expectedSign, Math.Sign(TemplateVersionComparer.Instance.Compare(x, y)));

    [Fact]
    public void TemplateDescriptor_Key_IsPathLike()
        => Assert.Equal("healthcare/developer_productivity/confluence_pages", Exact.Key);

    [Fact]
    public void TemplateDescriptor_RecordCount_TemplateOverridesTypeDefault()
    {
        Assert.Equal(500, Exact.RecordCount);
        Assert.Equal(25, Template(Industry.Retail, "customer_support", DatasetType.ConfluencePages, recordCount: 25).RecordCount);
    }

    [Theory]
    [InlineData("", 10, "version")]
    [InlineData("1 0", 10, "version")]
    [InlineData("1.0", 0, "defaultRecordCount")]
    public void TemplateDescriptor_InvalidValues_ThrowNamingField(string version, int count, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => new TemplateDescriptor(TemplateId.Create("t"), Industry.Retail, UseCase.Create("x"), DatasetType.Custom, version, count));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void TemplateDescriptor_DefaultIds_Throw()
    {
        Assert.Throws<DomainValidationException>(() => new TemplateDescriptor(default, Industry.Retail, UseCase.Create("x"), DatasetType.Custom, "1", 1));
        Assert.Throws<DomainValidationException>(() => new TemplateDescriptor(TemplateId.Create("t"), Industry.Retail, default, DatasetType.Custom, "1", 1));
    }

    [Theory]
    [InlineData("fintech", Industry.Fintech)]
    [InlineData("healthcare", Industry.Healthcare)]
    [InlineData("enterprise", Industry.Enterprise)]
    [InlineData("manufacturing", Industry.Manufacturing)]
    [InlineData("retail", Industry.Retail)]
    [InlineData("generic", Industry.Generic)]
    public void Industry_WireNames_RoundTrip(string wire, Industry industry)
    {
        Assert.Equal(wire, industry.ToWireName());
        Assert.Equal(industry, WireNames.Parse<Industry>(wire));
    }
}
