using System.Text.Json;
using DataOps.Functions.Http;
using DataOps.Functions.Provisioning;

namespace DataOps.Tests.Functions.Http;

public sealed class RequestValidationTests
{
    [Fact]
    public void TryString_UnpairedSurrogateEscape_IsAFieldErrorNotAnException()
    {
        using var document = JsonDocument.Parse("""{"name":"AC\ud800ME","ok":"fine"}""");
        var validation = new RequestValidation();

        Assert.False(validation.TryString(document.RootElement, "name", out var name));
        Assert.True(validation.TryString(document.RootElement, "ok", out var ok));

        Assert.Null(name);
        Assert.Equal("fine", ok);
        Assert.Equal([RequestValidation.InvalidText], validation.Errors["name"]);
        Assert.Single(validation.Errors);
    }

    [Fact]
    public void ProvisionRequestReader_UnpairedSurrogateEscapes_NamesEachField()
    {
        using var document = JsonDocument.Parse("""
            {"journeyId":"j-1","clientId":"\udc00acme","clientName":"ACME","industry":"health\ud800care","useCase":"clinical_workflows",
             "stage":"sandbox","datasetTypes":["confluence_pages","\ud800"],"requestedBy":"se@example.com"}
            """);
        var validation = new RequestValidation();

        var input = ProvisionRequestReader.Read(document.RootElement, validation);

        Assert.Null(input);
        Assert.Equal(["clientId", "datasetTypes[1]", "industry"], validation.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
