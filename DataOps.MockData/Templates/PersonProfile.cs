using System.Globalization;

namespace DataOps.MockData.Templates;

/// <summary>A fictional person of a template's vocabulary; the e-mail address is derived on the reserved example.com domain.</summary>
/// <param name="Name">Display name (obviously fictional).</param>
/// <param name="Role">Job role, used in titles such as "As a {role}, ...".</param>
public sealed record PersonProfile(string Name, string Role)
{
    /// <summary>The person's address: <c>first.last@example.com</c>.</summary>
    public string Email { get; } = string.Join('.', Name.ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "@example.com";
}
