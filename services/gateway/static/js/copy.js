// "Copy the text" on the staff pages: copies the named field and says so. Without
// JavaScript the button stays hidden and the field can be selected and copied by hand.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copied");
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var said = function (words) { if (status) { status.textContent = words; } };
      field.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(function () { said("Copied."); },
          function () { said("Selected: press Ctrl+C to copy."); });
      } else {
        said(document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C to copy.");
      }
    });
  });
})();
