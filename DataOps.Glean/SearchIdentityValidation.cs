using Microsoft.Extensions.Options;

namespace DataOps.Glean;

/// <summary>Refuses Glean settings under which no search could see a test datasource (see <see cref="GleanOptions.SearchIdentityProblem"/>).</summary>
internal sealed class SearchIdentityValidation : IValidateOptions<GleanOptions>
{
    public ValidateOptionsResult Validate(string? name, GleanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SearchIdentityProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
