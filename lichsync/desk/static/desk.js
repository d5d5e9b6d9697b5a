// The upload's progress: bytes sent, then "reading" while the server reads the document (OCR takes a while).
// Without JavaScript the form posts as usual.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload");
  if (!form) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const box = document.getElementById("progress");
    const bar = box.querySelector("progress");
    const label = box.querySelector("span");
    box.hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
    };
    xhr.upload.onload = () => {
      bar.removeAttribute("value");  // indeterminate: the server is reading
      label.textContent = "Đang đọc văn bản…";
    };
    xhr.onload = () => {
      if (xhr.status < 400 && xhr.responseURL) { window.location.assign(xhr.responseURL); return; }
      document.open(); document.write(xhr.responseText); document.close();
    };
    xhr.onerror = () => { label.textContent = "Không gửi được: kiểm tra kết nối rồi thử lại."; };
    xhr.send(new FormData(form));
  });
});
