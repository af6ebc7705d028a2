// Links that act as buttons (the phone menu, the agenda's filters: links so that they work without JavaScript)
// answer the Space key as buttons do, not by scrolling the page.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (event.key === " " && target.matches && target.matches('a[role="button"]')) {
    event.preventDefault();
    target.click();
  }
});
