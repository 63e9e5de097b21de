using DataOps.Domain.Quality;
using DataOps.Domain.Sanitization;
using DataOps.Domain.Templates;

namespace DataOps.Tests.Domain.Sanitization;

public sealed class PseudonymsTests
{
    [Fact]
    public void Name_SameInputAndSalt_SamePseudonym()
        => Assert.Equal(Pseudonyms.Name("Jane Smith", "client-1"), Pseudonyms.Name("Jane Smith", "client-1"));

    [Theory]
    [InlineData("jane smith")]
    [InlineData("  Jane   Smith ")]
    [InlineData("JANE SMITH")]
    public void Name_CaseAndSpacingVariants_SamePseudonym(string variant)
        => Assert.Equal(Pseudonyms.Name("Jane Smith", "s"), Pseudonyms.Name(variant, "s"));

    [Fact]
    public void Name_DifferentSalt_DifferentPseudonymsAcrossPopulation()
    {
        var people = Enumerable.Range(0, 50).Select(i => $"Person {i}").ToArray();

        var a = people.Select(p => Pseudonyms.Name(p, "client-a"));
        var b = people.Select(p => Pseudonyms.Name(p, "client-b"));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Name_Pseudonym_IsTwoCapitalisedWordsNotTheOriginal()
    {
        var pseudonym = Pseudonyms.Name("Jane Smith", "s");

        Assert.Matches("^[A-Z][a-z]+ [A-Z][a-z]+$", pseudonym);
        Assert.DoesNotContain("Jane", pseudonym, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_ManyPeople_MostlyDistinct()
    {
        var distinct = Enumerable.Range(0, 200).Select(i => Pseudonyms.Name($"Employee {i}", "s")).Distinct().Count();

        Assert.True(distinct > 150, $"only {distinct} distinct pseudonyms for 200 people");
    }

    [Fact]
    public void Email_Pseudonym_IsValidOnExampleComAndDeterministic()
    {
        var email = Pseudonyms.Email("jane.smith@acme-corp.com", "s");

        Assert.EndsWith("@example.com", email, StringComparison.Ordinal);
        Assert.True(FieldValueRules.HasExpectedType(FieldType.Email, email));
        Assert.Equal(email, Pseudonyms.Email("Jane.Smith@ACME-corp.com", "s"));
        Assert.NotEqual(email, Pseudonyms.Email("john.smith@acme-corp.com", "s"));
        Assert.True(Pseudonyms.IsPseudonymEmail(email));
    }

    [Theory]
    [InlineData("jane@example.com", false)]
    [InlineData("avery.alder.0a1b@example.com", true)]
    [InlineData("avery.alder.0A1B@example.com", false)]
    [InlineData("avery.alder.0a1b@example.org", false)]
    [InlineData("avery.0a1b@example.com", false)]
    public void IsPseudonymEmail_Shapes_OnlyGeneratedShape(string email, bool expected)
        => Assert.Equal(expected, Pseudonyms.IsPseudonymEmail(email));

    [Fact]
    public void Name_EmptySalt_Throws()
        => Assert.ThrowsAny<ArgumentException>(() => Pseudonyms.Name("x", ""));
}
