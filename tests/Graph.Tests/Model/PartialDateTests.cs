using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Tests.Model;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("Dec 7, 2021", "2021-12-07")]
    [InlineData("Nov 21", "--11-21")]
    [InlineData("Aug 28, 2025", "2025-08-28")]
    [InlineData("2024-05-27T00:00:00.000Z", "2024-05-27")]
    [InlineData("2021-12", "2021-12")]
    [InlineData("2019", "2019")]
    [InlineData("--04-12", "--04-12")]
    public void Parses_listing_and_iso_dates(string text, string iso)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(iso, date.ToString());
    }

    [Fact]
    public void A_date_without_a_year_keeps_no_year()
    {
        Assert.True(PartialDate.TryParse("Apr 12", out var date));
        Assert.Null(date.Year);
        Assert.Equal(4, date.Month);
        Assert.Equal(12, date.Day);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Smarch 3")]
    [InlineData("Dec 41, 2021")]
    [InlineData("2021-13-01")]
    [InlineData("three authors")]
    public void Rejects_what_is_not_a_date(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Completeness_prefers_dates_with_a_year()
    {
        PartialDate.TryParse("Dec 7", out var noYear);
        PartialDate.TryParse("2021", out var yearOnly);
        Assert.True(yearOnly.Completeness > noYear.Completeness);
    }
}
